package io.xemigrate.xapi;

import io.xemigrate.xapi.model.RrdUpdates;

/**
 * Reads one host's RRD incrementally: each {@link #next()} asks {@code /rrd_updates} from the
 * previous export's {@code end} and returns only the rows after it (xcp-rrdd includes the row at
 * {@code start} itself, which was already returned). Not thread-safe: one reader per feed.
 */
public final class RrdFeed {
  private final PoolClient client;
  private final String hostUuid;
  private final long intervalSeconds;
  private long nextStart;
  private long lastRow = Long.MIN_VALUE;

  /**
   * @param firstStartSeconds where the first read starts (Unix seconds, or negative: that many
   *     seconds before the host's last update)
   * @param intervalSeconds the resolution asked (5 for xcp-rrdd's finest archive)
   */
  public RrdFeed(PoolClient client, String hostUuid, long firstStartSeconds, long intervalSeconds) {
    this.client = client;
    this.hostUuid = hostUuid;
    this.nextStart = firstStartSeconds;
    this.intervalSeconds = intervalSeconds;
  }

  /** The rows since the last read (all rows since the first start on the first call). */
  public RrdUpdates next() {
    RrdUpdates updates = client.rrdUpdates(hostUuid, nextStart, intervalSeconds).after(lastRow);
    nextStart = updates.endSeconds();
    if (!updates.rows().isEmpty()) {
      lastRow = updates.rows().get(updates.rows().size() - 1).timeSeconds();
    }
    return updates;
  }
}
