package io.xemigrate.network.mapping;

/** Why a network was chosen to carry the migration traffic. */
public enum TransferNetworkRule {
  /** The user named it ({@code transfer-network=}). */
  EXPLICIT,
  /** The destination pool's {@code other_config["xo:migrationNetwork"]}, as Xen Orchestra sets. */
  POOL_DEFAULT,
  /** A network other than management with an IP on every destination host. */
  DEDICATED,
  /** No other network qualifies: the management network carries the traffic. */
  MANAGEMENT
}
