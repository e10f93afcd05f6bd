package io.xemigrate.xapi.model;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/**
 * A storage repository.
 *
 * @param type the SR type ({@code lvm}, {@code ext}, {@code nfs}, {@code lvmoiscsi}, {@code iso},
 *     ...)
 * @param physicalSize bytes of capacity
 * @param physicalUtilisation bytes in use; free space is their difference
 * @param contentType {@code user}, {@code iso}, ...
 * @param smCapabilities the capabilities of its SM driver ({@code VDI_MIRROR}, {@code
 *     VDI_SNAPSHOT}, {@code VDI_MIRROR_IN}, ...)
 * @param attachedHostUuids hosts whose PBD for this SR is currently attached
 * @param otherConfig the SR's {@code other_config} (administrator hints such as xe-migrate's
 *     measured throughput)
 */
public record Sr(
    String uuid,
    String nameLabel,
    String type,
    boolean shared,
    long physicalSize,
    long physicalUtilisation,
    long virtualAllocation,
    String contentType,
    ImmutableSet<String> smCapabilities,
    ImmutableSet<String> attachedHostUuids,
    ImmutableMap<String, String> otherConfig) {

  /** An SR with an empty {@code other_config}. */
  public Sr(
      String uuid,
      String nameLabel,
      String type,
      boolean shared,
      long physicalSize,
      long physicalUtilisation,
      long virtualAllocation,
      String contentType,
      ImmutableSet<String> smCapabilities,
      ImmutableSet<String> attachedHostUuids) {
    this(
        uuid,
        nameLabel,
        type,
        shared,
        physicalSize,
        physicalUtilisation,
        virtualAllocation,
        contentType,
        smCapabilities,
        attachedHostUuids,
        ImmutableMap.of());
  }

  public long freeSpace() {
    return Math.max(0, physicalSize - physicalUtilisation);
  }

  /** Whether the given host can reach this SR. */
  public boolean visibleFrom(String hostUuid) {
    return attachedHostUuids.contains(hostUuid);
  }
}
