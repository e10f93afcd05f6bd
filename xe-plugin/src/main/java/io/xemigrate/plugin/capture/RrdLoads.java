package io.xemigrate.plugin.capture;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.xapi.model.RrdColumn;
import io.xemigrate.xapi.model.RrdUpdates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the hosts' RRDs showed over the capture window, as means per VM and per host NIC. Units are
 * xcp-rrdd's turned into plain ones: CPU as a fraction of one vCPU, memory and rates in bytes (per
 * second).
 *
 * @param vms by VM UUID
 * @param nics by {@code hostUuid/device}: the busier direction of {@code pif_DEV_tx} and {@code
 *     pif_DEV_rx}
 */
public record RrdLoads(ImmutableMap<String, VmLoad> vms, ImmutableMap<String, Double> nics) {

  /**
   * One VM's means.
   *
   * @param cpuFraction mean of its {@code cpuN} sources
   * @param memoryBytes {@code memory}
   * @param memoryFreeBytes {@code memory_internal_free} (KiB in the RRD), empty without guest tools
   * @param diskWriteBytesPerSecond sum of {@code vbd_DEV_write}
   * @param diskReadBytesPerSecond sum of {@code vbd_DEV_read}
   * @param networkBytesPerSecond mean of the sums of {@code vif_N_tx} and {@code vif_N_rx}
   */
  public record VmLoad(
      double cpuFraction,
      double memoryBytes,
      OptionalDouble memoryFreeBytes,
      double diskWriteBytesPerSecond,
      double diskReadBytesPerSecond,
      double networkBytesPerSecond) {

    /** Memory used inside the guest as a fraction of its memory, when the guest reports it. */
    public OptionalDouble memoryUsedFraction() {
      if (memoryFreeBytes.isEmpty() || memoryBytes <= 0) {
        return OptionalDouble.empty();
      }
      double used = 1 - memoryFreeBytes.getAsDouble() / memoryBytes;
      return OptionalDouble.of(Math.max(0, Math.min(1, used)));
    }
  }

  /** Nothing observed (no host answered). */
  public static RrdLoads none() {
    return new RrdLoads(ImmutableMap.of(), ImmutableMap.of());
  }

  /** The means of {@code exports} (one per host). */
  public static RrdLoads of(List<RrdUpdates> exports) {
    Map<String, Sums> vms = new HashMap<>();
    Map<String, Double> nics = new HashMap<>();
    for (RrdUpdates export : exports) {
      for (RrdColumn column : export.columns()) {
        OptionalDouble mean = export.mean(column.owner(), column.uuid(), column.source());
        if (mean.isEmpty()) {
          continue;
        }
        double value = mean.getAsDouble();
        String source = column.source();
        if (column.isHost()) {
          pifDevice(source)
              .ifPresent(device -> nics.merge(column.uuid() + "/" + device, value, Math::max));
        } else if (column.isVm()) {
          vms.computeIfAbsent(column.uuid(), uuid -> new Sums()).add(source, value);
        }
      }
    }
    ImmutableMap.Builder<String, VmLoad> loads = ImmutableMap.builder();
    vms.forEach((uuid, sums) -> loads.put(uuid, sums.load()));
    return new RrdLoads(loads.buildOrThrow(), ImmutableMap.copyOf(nics));
  }

  public Optional<VmLoad> vm(String uuid) {
    return Optional.ofNullable(vms.get(uuid));
  }

  /** Traffic seen on a host's NIC, if observed. */
  public OptionalDouble nic(String hostUuid, String device) {
    Double value = nics.get(hostUuid + "/" + device);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  private static Optional<String> pifDevice(String source) {
    if (source.startsWith("pif_") && (source.endsWith("_tx") || source.endsWith("_rx"))) {
      return Optional.of(source.substring(4, source.length() - 3));
    }
    return Optional.empty();
  }

  /** Accumulates one VM's sources. */
  private static final class Sums {
    private double cpu;
    private int cpus;
    private double memory;
    private double free = Double.NaN;
    private double write;
    private double read;
    private double tx;
    private double rx;

    void add(String source, double value) {
      if (source.matches("cpu\\d+")) {
        cpu += value;
        cpus++;
      } else if (source.equals("memory")) {
        memory = value;
      } else if (source.equals("memory_internal_free")) {
        free = value * 1024;
      } else if (source.startsWith("vbd_") && source.endsWith("_write")) {
        write += value;
      } else if (source.startsWith("vbd_") && source.endsWith("_read")) {
        read += value;
      } else if (source.startsWith("vif_") && source.endsWith("_tx")) {
        tx += value;
      } else if (source.startsWith("vif_") && source.endsWith("_rx")) {
        rx += value;
      }
    }

    VmLoad load() {
      return new VmLoad(
          cpus == 0 ? 0 : cpu / cpus,
          memory,
          Double.isNaN(free) ? OptionalDouble.empty() : OptionalDouble.of(free),
          write,
          read,
          (tx + rx) / 2);
    }
  }
}
