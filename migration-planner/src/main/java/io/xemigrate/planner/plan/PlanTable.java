package io.xemigrate.planner.plan;

import io.xemigrate.planner.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a plan as a fixed-width text table, one line per VM, then the findings. */
public final class PlanTable {
  private static final String FORMAT = "%-28s %-9s %-16s %-16s %-7s %-12s %-14s %-4s %s%n";

  private PlanTable() {}

  public static String render(MigrationPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Plan: %s, %s -> %s%s%n",
            plan.request(),
            plan.source().poolName(),
            plan.destination().poolName(),
            plan.intraPool() ? " (inside the pool)" : ""));
    out.append(
        String.format(
            Locale.ROOT,
            "Transfer network: %s (%s) %s%n",
            plan.transferNetwork().networkUuid(),
            plan.transferNetwork().rule().name().toLowerCase(Locale.ROOT),
            plan.transferNetwork().reason()));
    out.append(
        String.format(
            Locale.ROOT,
            "Moves: %d of %d can go ahead. Hash: %s%n%n",
            plan.movableCount(),
            plan.moves().size(),
            PlanHash.of(plan)));
    out.append(
        String.format(
            Locale.ROOT,
            FORMAT,
            "VM",
            "STATE",
            "FROM",
            "TO",
            "VERDICT",
            "METHOD",
            "DISKS",
            "NICS",
            "FINDINGS"));
    List<String> details = new ArrayList<>();
    for (MovePlan move : plan.moves()) {
      out.append(
          String.format(
              Locale.ROOT,
              FORMAT,
              cut(
                  move.vmName()
                      + " "
                      + move.vmUuid().substring(0, Math.min(8, move.vmUuid().length())),
                  28),
              move.powerState(),
              cut(move.sourceHostName(), 16),
              cut(move.destinationHostName().isEmpty() ? "-" : move.destinationHostName(), 16),
              move.verdict().name().toLowerCase(Locale.ROOT),
              move.method().operation(),
              move.disks().size() + " (" + gib(move.bytesToCopy()) + ")",
              move.nics().size(),
              String.join(",", move.findings().stream().map(Finding::code).distinct().toList())));
      for (Finding finding : move.findings()) {
        details.add(
            String.format(
                Locale.ROOT,
                "  %s %s %s: %s Remedy: %s%n",
                move.vmName(),
                finding.severity().name().toLowerCase(Locale.ROOT),
                finding.signature(),
                finding.message(),
                finding.remedy()));
      }
    }
    for (Finding finding : plan.findings()) {
      details.add(
          String.format(
              Locale.ROOT,
              "  plan %s %s: %s Remedy: %s%n",
              finding.severity().name().toLowerCase(Locale.ROOT),
              finding.signature(),
              finding.message(),
              finding.remedy()));
    }
    if (!details.isEmpty()) {
      out.append(String.format(Locale.ROOT, "%nFindings:%n"));
      details.forEach(out::append);
    }
    return out.toString();
  }

  private static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
