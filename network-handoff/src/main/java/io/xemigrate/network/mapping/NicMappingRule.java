package io.xemigrate.network.mapping;

/** Why a VIF was mapped to its destination network, in the order the rules are tried. */
public enum NicMappingRule {
  /** Inside one pool a VIF keeps its network (xapi refuses a VIF map there). */
  SAME_NETWORK,
  /** The user mapped this VIF or MAC explicitly ({@code vif:<uuid|mac>=<network>}). */
  EXPLICIT,
  /** A snapshot's VIF follows the VM's VIF with the same MAC, as xapi's inference does. */
  FOLLOWS_MAC,
  /** A network with the same name-label. */
  SAME_NAME,
  /** A network on the same VLAN tag with an MTU at least the source's. */
  SAME_VLAN,
  /** A network with the same bridge name. */
  SAME_BRIDGE
}
