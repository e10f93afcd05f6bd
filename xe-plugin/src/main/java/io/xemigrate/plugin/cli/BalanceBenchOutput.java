package io.xemigrate.plugin.cli;

import io.xemigrate.plugin.bench.BalanceBench;
import java.util.List;

/** How {@code bench only=balance} prints its rows: a table, or one JSON object. */
final class BalanceBenchOutput {
  private BalanceBenchOutput() {}

  /** The rows in a JSON object of this shape. */
  record Report(String scenario, int cpuThresholdPercent, List<BalanceBench.Row> rows) {}

  static ExitCode print(List<BalanceBench.Row> rows, Console console) {
    if (console.json()) {
      console.line(Json.write(new Report("balance", 80, rows)));
    } else {
      console.out().print(BalanceBench.table(rows));
    }
    return ExitCode.DONE;
  }
}
