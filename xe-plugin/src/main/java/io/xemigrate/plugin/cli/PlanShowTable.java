package io.xemigrate.plugin.cli;

import io.xemigrate.network.mapping.NicMapping;
import io.xemigrate.planner.Finding;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanHash;
import io.xemigrate.planner.plan.PlanSchedule;
import io.xemigrate.storage.mapping.DiskMapping;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The readable form of a plan: per move the destination host, the predicted start, duration and
 * downtime (with the duration's p10-p90 where the VM's dirty rate is a prior), the disk and NIC
 * maps and the findings; for the plan the makespan (and its p10-p90), its lower bound and the
 * ratio. Moves are listed in the schedule's order, blocked ones last.
 */
final class PlanShowTable {
  private static final String ROW = "%4s  %-28s %-8s %-14s %9s %9s %11s %9s  %s%n";

  private PlanShowTable() {}

  static String render(MigrationPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append(
        format(
            "Plan: %s, %s -> %s%s%n",
            plan.request(),
            plan.source().poolName(),
            plan.destination().poolName(),
            plan.intraPool() ? " (inside the pool)" : ""));
    out.append(
        format(
            "Transfer network: %s (%s)%n",
            plan.transferNetwork().networkUuid(),
            plan.transferNetwork().rule().name().toLowerCase(Locale.ROOT)));
    out.append(
        format(
            "Moves: %d of %d can go ahead. Hash: %s%n",
            plan.movableCount(), plan.moves().size(), PlanHash.of(plan)));
    PlanSchedule schedule = plan.schedule();
    if (schedule.scheduled()) {
      out.append(
          format(
              "Predicted makespan %.1f s%s; lower bound %.1f s; ratio %.2f; total downtime %.2f s%n",
              schedule.makespanSeconds(),
              schedule.hasInterval()
                  ? format(
                      " (p50; p10-p90 %.1f-%.1f s)",
                      schedule.makespanP10Seconds(), schedule.makespanP90Seconds())
                  : "",
              schedule.lowerBoundSeconds(),
              schedule.ratio(),
              schedule.totalDowntimeSeconds()));
    } else {
      out.append(format("Not scheduled.%n"));
    }
    out.append(
        format(
            "%n" + ROW,
            "#",
            "VM",
            "VERDICT",
            "TO",
            "START",
            "P50",
            "P10-P90",
            "DOWNTIME",
            "AFTER"));
    List<MovePlan> moves =
        plan.moves().stream()
            .sorted(
                Comparator.comparing((MovePlan move) -> !move.schedule().scheduled())
                    .thenComparingInt(move -> move.schedule().sequence())
                    .thenComparing(MovePlan::vmUuid))
            .toList();
    for (MovePlan move : moves) {
      boolean scheduled = move.schedule().scheduled();
      out.append(
          format(
              ROW,
              scheduled ? String.valueOf(move.schedule().sequence()) : "-",
              cut(move.vmName() + " " + shortId(move.vmUuid()), 28),
              move.verdict().name().toLowerCase(Locale.ROOT),
              cut(move.destinationHostName().isEmpty() ? "-" : move.destinationHostName(), 14),
              scheduled ? format("%.1fs", move.schedule().startSeconds()) : "-",
              scheduled ? format("%.0fs", move.schedule().durationSeconds()) : "-",
              interval(move),
              scheduled ? format("%.0fms", move.schedule().downtimeSeconds() * 1000) : "-",
              after(plan, move)));
    }
    out.append(format("%nDisks:%n"));
    for (MovePlan move : moves) {
      for (DiskMapping disk : move.disks()) {
        out.append(
            format(
                "  %-20s vdi %s%s: sr %s -> sr %s (%s)%s%n",
                cut(move.vmName(), 20),
                shortId(disk.vdiUuid()),
                disk.snapshot() ? " (snapshot)" : "",
                shortId(disk.sourceSrUuid()),
                shortId(disk.destinationSrUuid()),
                disk.rule().name().toLowerCase(Locale.ROOT),
                disk.moves()
                    ? format(", copy %.1f GiB", disk.bytesOnDestination() / 1073741824.0)
                    : ""));
      }
    }
    out.append(format("%nNICs:%n"));
    for (MovePlan move : moves) {
      for (NicMapping nic : move.nics()) {
        out.append(
            format(
                "  %-20s %s%s: network %s -> network %s (%s)%n",
                cut(move.vmName(), 20),
                nic.mac(),
                nic.snapshot() ? " (snapshot)" : "",
                shortId(nic.sourceNetworkUuid()),
                shortId(nic.destinationNetworkUuid()),
                nic.rule().name().toLowerCase(Locale.ROOT)));
      }
    }
    boolean anyFinding =
        !plan.findings().isEmpty() || moves.stream().anyMatch(m -> !m.findings().isEmpty());
    if (anyFinding) {
      out.append(format("%nFindings:%n"));
      for (MovePlan move : moves) {
        for (Finding finding : move.findings()) {
          out.append(format("  %s %s%n", move.vmName(), PlanOutput.describe(finding)));
        }
      }
      for (Finding finding : plan.findings()) {
        out.append(format("  plan %s%n", PlanOutput.describe(finding)));
      }
    }
    return out.toString();
  }

  private static String interval(MovePlan move) {
    return move.schedule().scheduled() && move.schedule().hasInterval()
        ? format(
            "%.0f-%.0fs",
            move.schedule().durationP10Seconds(), move.schedule().durationP90Seconds())
        : "-";
  }

  private static String after(MigrationPlan plan, MovePlan move) {
    if (move.schedule().predecessors().isEmpty()) {
      return "-";
    }
    return String.join(
        ",",
        move.schedule().predecessors().stream()
            .map(uuid -> plan.move(uuid).map(MovePlan::vmName).orElse(shortId(uuid)))
            .toList());
  }

  private static String shortId(String uuid) {
    return uuid == null || uuid.isEmpty() ? "-" : uuid.substring(0, Math.min(8, uuid.length()));
  }

  private static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
