package io.xemigrate.simulator.physics;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * Not a test: prints the table of docs/migration-model.md#worked-examples as the engine reproduces
 * it and times N concurrent migrations.
 */
public final class PhysicsBench {
  private PhysicsBench() {}

  public static void main(String[] args) {
    int N = Integer.parseInt(args[0]);
    long GIB = 1L << 30;
    double[][] rows = {
      {8, 1, 50}, {8, 10, 50}, {8, 10, 500}, {8, 10, 1000}, {64, 10, 200}, {8, 1, 200}
    };
    for (double[] r : rows) {
      PhysicsEngine e =
          new PhysicsEngine(
              PrecopyPolicy.withoutFixedCosts(), ImmutableMap.of("nic", r[1] * 1e9 / 8));
      e.start(
          new MigrationSpec(
              "vm",
              (long) r[0] * GIB,
              DirtyProfile.constant(r[2] * 1e6),
              ImmutableList.of(),
              ImmutableList.of("nic"),
              1e12,
              false),
          0);
      while (e.nextEventNanos().isPresent()) e.advanceTo(e.nextEventNanos().getAsLong());
      MigrationTruth t = e.truth("vm").orElseThrow();
      System.out.printf(
          "| %.0f GiB | %.0f Gbit/s | %.0f MB/s | %d | %.1f s | %.3f s | %.1f GiB | %s |%n",
          r[0],
          r[1],
          r[2],
          t.liveRounds(),
          t.totalNanos() / 1e9,
          t.downtimeNanos() / 1e9,
          t.memoryBytes() / (double) GIB,
          t.stopReason());
    }
    // Speed: 1000 concurrent migrations sharing 10 NICs, to completion.
    java.util.Map<String, Double> caps = new java.util.HashMap<>();
    for (int i = 0; i < 10; i++) {
      caps.put("out" + i, 1.25e9);
      caps.put("in" + i, 1.25e9);
    }
    for (int i = 0; i < 5; i++) {
      caps.put("sr" + i, 400e6);
    }
    caps.put("sr-dst", 1000e6);
    PhysicsEngine e = new PhysicsEngine(PrecopyPolicy.xenServer(), caps);
    long start = System.nanoTime();
    for (int i = 0; i < N; i++) {
      e.start(
          new MigrationSpec(
              "m" + i,
              (1 + i % 16) * GIB,
              new DirtyProfile(5e6 * (i % 20), 1L << 30),
              ImmutableList.of(
                  new DiskCopy("d", 40 * GIB, (1 + i % 30) * GIB, "sr" + (i % 5), "sr-dst")),
              ImmutableList.of("out" + (i % 10), "in" + (i % 10)),
              250e6,
              true),
          0);
    }
    int steps = 0;
    while (e.nextEventNanos().isPresent()) {
      e.advanceTo(e.nextEventNanos().getAsLong());
      steps++;
    }
    System.out.printf(
        "%d concurrent migrations: %d event steps, %.2f s wall, %.0f s virtual%n",
        N, steps, (System.nanoTime() - start) / 1e9, e.nowNanos() / 1e9);
  }
}
