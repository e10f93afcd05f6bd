package io.xemigrate.xapi.model;

/**
 * A host's interface on a network.
 *
 * @param vlan the VLAN tag, or -1 for an untagged interface
 * @param ipConfigurationMode {@code None}, {@code DHCP} or {@code Static}
 * @param ip the address, or {@code ""} when none
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
    boolean currentlyAttached) {

  public boolean hasIp() {
    return !ip.isEmpty() && !"None".equals(ipConfigurationMode);
  }
}
