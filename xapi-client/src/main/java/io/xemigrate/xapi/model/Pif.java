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

  /** A PIF whose link speed is unknown. */
  public Pif(
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
      boolean currentlyAttached) {
    this(
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
        0);
  }

  public boolean hasIp() {
    return !ip.isEmpty() && !"None".equals(ipConfigurationMode);
  }
}
