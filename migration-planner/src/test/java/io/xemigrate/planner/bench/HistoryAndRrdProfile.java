package io.xemigrate.planner.bench;

import io.xemigrate.planner.plan.MovePlan;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Objects;

/**
 * Runs {@link HistoryAndRrdPlanningBenchmark}'s plan in a loop and prints, per round, the CPU time
 * of the planning thread and a fingerprint of the schedule (every move's sequence, slot, start and
 * duration): two builds that print the same fingerprint planned the same schedule. Arguments: VMs,
 * hosts evacuated, rounds. A target for a profiler too. Not a test.
 */
public final class HistoryAndRrdProfile {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private HistoryAndRrdProfile() {}

  public static void main(String[] args) {
    HistoryAndRrdPlanningBenchmark benchmark = new HistoryAndRrdPlanningBenchmark();
    benchmark.vms = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    benchmark.evacuated = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    benchmark.generate();
    for (int i = 0; i < rounds; i++) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      HistoryAndRrdPlanningBenchmark.Planned planned = benchmark.plan();
      long cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
      int fingerprint = 0;
      for (MovePlan move : planned.plan().moves()) {
        fingerprint =
            31 * fingerprint
                + Objects.hash(
                    move.vmUuid(),
                    move.destinationHostUuid(),
                    move.schedule().sequence(),
                    move.schedule().slot(),
                    move.schedule().startSeconds(),
                    move.schedule().durationSeconds(),
                    move.schedule().predecessors());
      }
      System.out.printf(
          "round %d: %d moves scheduled, makespan %.1f s, %d ms CPU, schedule %08x%n",
          i,
          planned.plan().movableCount(),
          planned.plan().schedule().makespanSeconds(),
          cpuMillis,
          fingerprint);
    }
  }
}
