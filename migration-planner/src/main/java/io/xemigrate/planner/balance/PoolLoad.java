package io.xemigrate.planner.balance;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.xapi.model.RrdColumn;
import io.xemigrate.xapi.model.RrdUpdates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A pool's load over a recent window, as xcp-rrdd recorded it: means of each host's {@code cpu_avg}
 * and {@code memory_free_kib}, of each VM's {@code cpuN} (summed over its vCPUs) and {@code
 * memory}.
 *
 * @param hostCpuFraction by host UUID: {@code cpu_avg}, 0 to 1
 * @param hostMemoryFreeBytes by host UUID: {@code memory_free_kib} in bytes
 * @param vmCpuCores by VM UUID: the sum of its {@code cpuN}, in physical CPUs kept busy
 * @param vmMemoryBytes by VM UUID: {@code memory}, what the domain has (what a move copies)
 * @param vmMemoryInternalFreeBytes by VM UUID: {@code memory_internal_free} in bytes (guest agent)
 */
public record PoolLoad(
    ImmutableMap<String, Double> hostCpuFraction,
    ImmutableMap<String, Double> hostMemoryFreeBytes,
    ImmutableMap<String, Double> vmCpuCores,
    ImmutableMap<String, Double> vmMemoryBytes,
    ImmutableMap<String, Double> vmMemoryInternalFreeBytes) {

  private static final double KIB = 1024;

  /** Nothing observed. */
  public static PoolLoad none() {
    return new PoolLoad(
        ImmutableMap.of(),
        ImmutableMap.of(),
        ImmutableMap.of(),
        ImmutableMap.of(),
        ImmutableMap.of());
  }

  /** The means of {@code updates} (one export per host). */
  public static PoolLoad of(List<RrdUpdates> updates) {
    Map<String, Double> hostCpu = new HashMap<>();
    Map<String, Double> hostFree = new HashMap<>();
    Map<String, Double> vmCpu = new HashMap<>();
    Map<String, Double> vmMemory = new HashMap<>();
    Map<String, Double> vmInternalFree = new HashMap<>();
    for (RrdUpdates export : updates) {
      for (RrdColumn column : export.columns()) {
        OptionalDouble mean = export.mean(column.owner(), column.uuid(), column.source());
        if (mean.isEmpty()) {
          continue;
        }
        double value = mean.getAsDouble();
        String source = column.source();
        if (column.isHost() && source.equals("cpu_avg")) {
          hostCpu.put(column.uuid(), value);
        } else if (column.isHost() && source.equals("memory_free_kib")) {
          hostFree.put(column.uuid(), value * KIB);
        } else if (column.isVm() && isCpu(source)) {
          vmCpu.merge(column.uuid(), value, Double::sum);
        } else if (column.isVm() && source.equals("memory")) {
          vmMemory.put(column.uuid(), value);
        } else if (column.isVm() && source.equals("memory_internal_free")) {
          vmInternalFree.put(column.uuid(), value * KIB);
        }
      }
    }
    return new PoolLoad(
        ImmutableMap.copyOf(hostCpu),
        ImmutableMap.copyOf(hostFree),
        ImmutableMap.copyOf(vmCpu),
        ImmutableMap.copyOf(vmMemory),
        ImmutableMap.copyOf(vmInternalFree));
  }

  private static boolean isCpu(String source) {
    return source.length() > 3
        && source.startsWith("cpu")
        && source.substring(3).chars().allMatch(Character::isDigit);
  }
}
