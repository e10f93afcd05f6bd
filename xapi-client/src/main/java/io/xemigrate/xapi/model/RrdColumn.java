package io.xemigrate.xapi.model;

/**
 * One column of an RRD export, from its legend entry {@code CF:OWNER:UUID:SOURCE} (e.g. {@code
 * AVERAGE:vm:6f1c…:cpu0}, {@code AVERAGE:host:2b7a…:pif_eth0_tx}).
 *
 * @param consolidation {@code AVERAGE} (xcp-rrdd's only archives by default), {@code MIN}, {@code
 *     MAX}
 * @param owner {@code host}, {@code vm} or {@code sr}
 * @param uuid the owner's UUID
 * @param source the data source: {@code cpu0}, {@code memory}, {@code memory_internal_free}, {@code
 *     vbd_xvda_write}, {@code vif_0_tx}, {@code cpu_avg}, {@code memory_free_kib}, {@code
 *     pif_eth0_rx}, …
 */
public record RrdColumn(String consolidation, String owner, String uuid, String source) {

  /** Parses a legend entry; empty when it does not have the four parts. */
  public static java.util.Optional<RrdColumn> parse(String legend) {
    String[] parts = legend.split(":", 4);
    if (parts.length != 4 || parts[2].isEmpty() || parts[3].isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new RrdColumn(parts[0], parts[1], parts[2], parts[3]));
  }

  public boolean isVm() {
    return owner.equals("vm");
  }

  public boolean isHost() {
    return owner.equals("host");
  }
}
