package io.xemigrate.planner.check;

import java.util.List;

/**
 * A pool-to-pool report: versions, CPU levels, networks (name, VLAN, MTU) and SR types, one row per
 * fact, for an administrator deciding whether two pools can exchange VMs.
 *
 * @param sourcePoolUuid the pool VMs would leave
 * @param destinationPoolUuid the pool they would enter
 */
public record PoolComparison(String sourcePoolUuid, String destinationPoolUuid, List<Row> rows) {

  public PoolComparison {
    rows = List.copyOf(rows);
  }

  /** Whether any row would stop some move. */
  public boolean hasProblems() {
    return rows.stream().anyMatch(row -> row.status() != Status.MATCH);
  }

  /** What a row compares. */
  public enum Aspect {
    VERSION,
    CPU,
    NETWORK,
    SR_TYPE
  }

  /** How the destination compares with the source on one fact. */
  public enum Status {
    /** The destination can take what the source has. */
    MATCH,
    /** The destination differs in a way that stops or degrades some moves. */
    WORSE,
    /** The destination has nothing that corresponds. */
    MISSING
  }

  /**
   * One fact compared.
   *
   * @param key the version key, {@code vendor} / {@code features_hvm}, the network name, the SR
   *     type
   * @param source the source side, for example {@code 4.17.5} or {@code VLAN 10, MTU 9000}
   * @param note one plain sentence about the difference, or {@code ""}
   */
  public record Row(
      Aspect aspect, String key, String source, String destination, Status status, String note) {}
}
