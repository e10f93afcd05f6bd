package io.xemigrate.xapi.model;

/**
 * A host's interface on a network.
 *
 * @param vlan the VLAN tag, or -1 for an untagged interface
 * @param ipConfigurationMode {@code None}, {@code DHCP} or {@code Static}
 * @param ip the address, or {@code ""} when none
 * @param speedMbps the link speed from {@code PIF_metrics.speed} in Mbit/s, 0 when xapi does not
 *     know it (no carrier, a bond or VLAN without metrics, an older inventory)
 */
public record Pif(
    String uuid,
    String hostUuid,
    String networkUuid,
    String device,
    String mac,
    long vlan,
    boolean management,
    String ipConfigurationMode,
    String ip,
    String netmask,
    boolean currentlyAttached,
    long speedMbps) {

  /**
   * A builder for an attached, untagged PIF of that UUID without an address, link speed unknown.
   */
  public static Builder builder(String uuid) {
    return new Builder().uuid(uuid);
  }

  /** A builder holding these fields, to change some of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.uuid = uuid;
    builder.hostUuid = hostUuid;
    builder.networkUuid = networkUuid;
    builder.device = device;
    builder.mac = mac;
    builder.vlan = vlan;
    builder.management = management;
    builder.ipConfigurationMode = ipConfigurationMode;
    builder.ip = ip;
    builder.netmask = netmask;
    builder.currentlyAttached = currentlyAttached;
    builder.speedMbps = speedMbps;
    return builder;
  }

  /** Builds a {@link Pif}; unset fields keep the defaults of {@link Pif#builder}. */
  public static final class Builder {
    private String uuid = "";
    private String hostUuid = "";
    private String networkUuid = "";
    private String device = "";
    private String mac = "";
    private long vlan = -1;
    private boolean management = false;
    private String ipConfigurationMode = "None";
    private String ip = "";
    private String netmask = "";
    private boolean currentlyAttached = true;
    private long speedMbps = 0;

    private Builder() {}

    public Builder uuid(String value) {
      this.uuid = value;
      return this;
    }

    public Builder hostUuid(String value) {
      this.hostUuid = value;
      return this;
    }

    public Builder networkUuid(String value) {
      this.networkUuid = value;
      return this;
    }

    public Builder device(String value) {
      this.device = value;
      return this;
    }

    public Builder mac(String value) {
      this.mac = value;
      return this;
    }

    public Builder vlan(long value) {
      this.vlan = value;
      return this;
    }

    public Builder management(boolean value) {
      this.management = value;
      return this;
    }

    public Builder ipConfigurationMode(String value) {
      this.ipConfigurationMode = value;
      return this;
    }

    public Builder ip(String value) {
      this.ip = value;
      return this;
    }

    public Builder netmask(String value) {
      this.netmask = value;
      return this;
    }

    public Builder currentlyAttached(boolean value) {
      this.currentlyAttached = value;
      return this;
    }

    public Builder speedMbps(long value) {
      this.speedMbps = value;
      return this;
    }

    public Pif build() {
      return new Pif(
          uuid,
          hostUuid,
          networkUuid,
          device,
          mac,
          vlan,
          management,
          ipConfigurationMode,
          ip,
          netmask,
          currentlyAttached,
          speedMbps);
    }
  }

  public boolean hasIp() {
    return !ip.isEmpty() && !"None".equals(ipConfigurationMode);
  }
}
