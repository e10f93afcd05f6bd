package io.xemigrate.planner.balance;

import io.xemigrate.planner.Finding;
import java.util.List;

/**
 * What a balance decided.
 *
 * @param moves in VM UUID order
 * @param findings rules and thresholds it could not meet, each with a remedy
 * @param freedHosts hosts left with no running VM (density mode), to power off
 * @param before each host's load before the moves, UUID order
 * @param after each host's load the moves should give, UUID order
 */
public record BalanceResult(
    BalancePolicy policy,
    List<BalanceMove> moves,
    List<Finding> findings,
    List<HostLoad> freedHosts,
    List<HostLoad> before,
    List<HostLoad> after) {

  public BalanceResult {
    moves = List.copyOf(moves);
    findings = List.copyOf(findings);
    freedHosts = List.copyOf(freedHosts);
    before = List.copyOf(before);
    after = List.copyOf(after);
  }

  /** Bytes the moves copy. */
  public long bytesMoved() {
    return moves.stream().mapToLong(BalanceMove::bytes).sum();
  }
}
