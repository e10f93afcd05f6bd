package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.xapi.model.RrdColumn;
import io.xemigrate.xapi.model.RrdUpdates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the pools' RRDs showed over a recent window, as priors for the planner: each host NIC's
 * traffic (the bandwidth a migration does not get), each VM's disk writes and reads (load on its
 * SRs). Means over the window, in bytes per second. xapi shows no dirty rate, so none is here.
 *
 * @param nicBytesPerSecond by {@code hostUuid/device}: the busier direction of {@code pif_DEV_tx}
 *     and {@code pif_DEV_rx}
 * @param diskWriteBytesPerSecond by VM UUID: the sum of its {@code vbd_DEV_write}
 * @param diskReadBytesPerSecond by VM UUID: the sum of its {@code vbd_DEV_read}
 */
public record PoolObservations(
    ImmutableMap<String, Double> nicBytesPerSecond,
    ImmutableMap<String, Double> diskWriteBytesPerSecond,
    ImmutableMap<String, Double> diskReadBytesPerSecond) {

  /** Resolution asked of xcp-rrdd: one-minute rows (its second archive, two hours deep). */
  public static final long INTERVAL_SECONDS = 60;

  /** Nothing observed: the planner falls back to nominal speeds. */
  public static PoolObservations none() {
    return new PoolObservations(ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of());
  }

  /** The means of {@code updates} (one export per host). */
  public static PoolObservations of(List<RrdUpdates> updates) {
    Map<String, Double> nic = new HashMap<>();
    Map<String, Double> writes = new HashMap<>();
    Map<String, Double> reads = new HashMap<>();
    for (RrdUpdates export : updates) {
      for (RrdColumn column : export.columns()) {
        OptionalDouble mean = export.mean(column.owner(), column.uuid(), column.source());
        if (mean.isEmpty()) {
          continue;
        }
        String source = column.source();
        if (column.isHost()
            && source.startsWith("pif_")
            && (source.endsWith("_tx") || source.endsWith("_rx"))) {
          String device = source.substring(4, source.length() - 3);
          nic.merge(column.uuid() + "/" + device, mean.getAsDouble(), Math::max);
        } else if (column.isVm() && source.startsWith("vbd_") && source.endsWith("_write")) {
          writes.merge(column.uuid(), mean.getAsDouble(), Double::sum);
        } else if (column.isVm() && source.startsWith("vbd_") && source.endsWith("_read")) {
          reads.merge(column.uuid(), mean.getAsDouble(), Double::sum);
        }
      }
    }
    return new PoolObservations(
        ImmutableMap.copyOf(nic), ImmutableMap.copyOf(writes), ImmutableMap.copyOf(reads));
  }

  /** Traffic seen on a host's NIC, 0 when not observed. */
  public double nicInUse(String hostUuid, String device) {
    return nicBytesPerSecond.getOrDefault(hostUuid + "/" + device, 0.0);
  }

  /** Disk reads plus writes of a VM, 0 when not observed. */
  public double diskIo(String vmUuid) {
    return diskWriteBytesPerSecond.getOrDefault(vmUuid, 0.0)
        + diskReadBytesPerSecond.getOrDefault(vmUuid, 0.0);
  }

  /** Both observations together (several pools). */
  public PoolObservations and(PoolObservations other) {
    return new PoolObservations(
        ImmutableMap.<String, Double>builder()
            .putAll(nicBytesPerSecond)
            .putAll(other.nicBytesPerSecond)
            .buildKeepingLast(),
        ImmutableMap.<String, Double>builder()
            .putAll(diskWriteBytesPerSecond)
            .putAll(other.diskWriteBytesPerSecond)
            .buildKeepingLast(),
        ImmutableMap.<String, Double>builder()
            .putAll(diskReadBytesPerSecond)
            .putAll(other.diskReadBytesPerSecond)
            .buildKeepingLast());
  }
}
