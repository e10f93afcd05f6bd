package io.xemigrate.planner.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Runs the benchmark's workload in a loop and prints wall and CPU time per plan (on a shared
 * machine the CPU time is the steadier figure), or serves as a target for a profiler. Not a test.
 */
public final class PlanningProfile {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private PlanningProfile() {}

  public static void main(String[] args) {
    PlanningBenchmark benchmark = new PlanningBenchmark();
    benchmark.vms = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    benchmark.generate();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      var plan = benchmark.evacuateEightHosts();
      long wallMillis = (System.nanoTime() - start) / 1_000_000;
      long cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
      System.out.printf(
          "round %d: %d of %d movable, %d ms wall, %d ms CPU%n",
          i, plan.movableCount(), plan.moves().size(), wallMillis, cpuMillis);
    }
  }
}
