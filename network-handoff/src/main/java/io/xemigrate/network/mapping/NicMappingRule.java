package io.xemigrate.network.mapping;

/** Why a VIF was mapped to its destination network, in the order the rules are tried. */
public enum NicMappingRule {
  /** The user mapped this VIF or MAC explicitly ({@code vif:<uuid|mac>=<network>}). */
  EXPLICIT,
  /** A network with the same name-label. */
  SAME_NAME,
  /** A network on the same VLAN tag with an MTU at least the source's. */
  SAME_VLAN,
  /** A network with the same bridge name. */
  SAME_BRIDGE
}
