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

  /** A builder for an empty, unshared user SR of that UUID with an empty {@code other_config}. */
  public static Builder builder(String uuid) {
    return new Builder().uuid(uuid);
  }

  /** A builder holding these fields, to change some of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.uuid = uuid;
    builder.nameLabel = nameLabel;
    builder.type = type;
    builder.shared = shared;
    builder.physicalSize = physicalSize;
    builder.physicalUtilisation = physicalUtilisation;
    builder.virtualAllocation = virtualAllocation;
    builder.contentType = contentType;
    builder.smCapabilities = smCapabilities;
    builder.attachedHostUuids = attachedHostUuids;
    builder.otherConfig = otherConfig;
    return builder;
  }

  /** Builds a {@link Sr}; unset fields keep the defaults of {@link Sr#builder}. */
  public static final class Builder {
    private String uuid = "";
    private String nameLabel = "";
    private String type = "";
    private boolean shared = false;
    private long physicalSize = 0;
    private long physicalUtilisation = 0;
    private long virtualAllocation = 0;
    private String contentType = "user";
    private ImmutableSet<String> smCapabilities = ImmutableSet.of();
    private ImmutableSet<String> attachedHostUuids = ImmutableSet.of();
    private ImmutableMap<String, String> otherConfig = ImmutableMap.of();

    private Builder() {}

    public Builder uuid(String value) {
      this.uuid = value;
      return this;
    }

    public Builder nameLabel(String value) {
      this.nameLabel = value;
      return this;
    }

    public Builder type(String value) {
      this.type = value;
      return this;
    }

    public Builder shared(boolean value) {
      this.shared = value;
      return this;
    }

    public Builder physicalSize(long value) {
      this.physicalSize = value;
      return this;
    }

    public Builder physicalUtilisation(long value) {
      this.physicalUtilisation = value;
      return this;
    }

    public Builder virtualAllocation(long value) {
      this.virtualAllocation = value;
      return this;
    }

    public Builder contentType(String value) {
      this.contentType = value;
      return this;
    }

    public Builder smCapabilities(ImmutableSet<String> value) {
      this.smCapabilities = value;
      return this;
    }

    public Builder attachedHostUuids(ImmutableSet<String> value) {
      this.attachedHostUuids = value;
      return this;
    }

    public Builder otherConfig(ImmutableMap<String, String> value) {
      this.otherConfig = value;
      return this;
    }

    public Sr build() {
      return new Sr(
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
          otherConfig);
    }
  }

  public long freeSpace() {
    return Math.max(0, physicalSize - physicalUtilisation);
  }

  /** Whether the given host can reach this SR. */
  public boolean visibleFrom(String hostUuid) {
    return attachedHostUuids.contains(hostUuid);
  }
}
