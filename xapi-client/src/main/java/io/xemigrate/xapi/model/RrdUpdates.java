package io.xemigrate.xapi.model;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one host's {@code /rrd_updates} returned: xcp-rrdd's {@code xport} (rows oldest first here,
 * whatever order the host sent). Units are xcp-rrdd's: CPU as a fraction, {@code memory} in bytes,
 * {@code _kib} sources and {@code memory_internal_free} in KiB, I/O in bytes per second.
 *
 * @param hostUuid the host asked
 * @param startSeconds the export's start (meta {@code start})
 * @param stepSeconds seconds per row (5, 60, 3600 or 86400 on xcp-rrdd)
 * @param endSeconds the last row's time (meta {@code end}): the next incremental read starts here
 * @param columns one per legend entry
 * @param rows oldest first
 */
public record RrdUpdates(
    String hostUuid,
    long startSeconds,
    long stepSeconds,
    long endSeconds,
    ImmutableList<RrdColumn> columns,
    ImmutableList<RrdRow> rows) {

  /** The index of a column, if this export has it. */
  public Optional<Integer> column(String owner, String uuid, String source) {
    for (int i = 0; i < columns.size(); i++) {
      RrdColumn c = columns.get(i);
      if (c.owner().equals(owner) && c.uuid().equals(uuid) && c.source().equals(source)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The mean over all rows of one column, ignoring NaN; empty when it has no value. */
  public OptionalDouble mean(String owner, String uuid, String source) {
    Optional<Integer> index = column(owner, uuid, source);
    if (index.isEmpty()) {
      return OptionalDouble.empty();
    }
    return rows.stream()
        .mapToDouble(row -> row.values().get(index.get()))
        .filter(v -> !Double.isNaN(v))
        .average();
  }

  /** The same export with only the rows after {@code timeSeconds}. */
  public RrdUpdates after(long timeSeconds) {
    return new RrdUpdates(
        hostUuid,
        startSeconds,
        stepSeconds,
        endSeconds,
        columns,
        rows.stream()
            .filter(row -> row.timeSeconds() > timeSeconds)
            .collect(ImmutableList.toImmutableList()));
  }
}
