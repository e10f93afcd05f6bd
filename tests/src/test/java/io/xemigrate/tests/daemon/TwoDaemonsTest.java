package io.xemigrate.tests.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.daemon.Daemon;
import io.xemigrate.daemon.JobRunHandle;
import io.xemigrate.daemon.JobRunRecord;
import io.xemigrate.daemon.JobRunStatus;
import io.xemigrate.daemon.PoolLeases.Holding;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons on one database with the same jobs, both on the same two pools, ticking at the same
 * time from two threads: each occurrence is recorded and run once, and the lease history shows no
 * two holdings of a pool overlapping; the simulator moved every VM exactly once.
 */
class TwoDaemonsTest {
  @TempDir Path dir;

  @Test
  void twoDaemonsOnOneDatabaseNeverActOnOnePoolAtOnce() {
    try (DaemonWorld world = new DaemonWorld(dir, 200)) {
      Path config =
          world.config(
              "two.yaml",
              """
              - name: evacuate-a2
                schedule: "1 10 * * *"
                action: evacuate-hosts
                source: pool-a
                hosts: [a2]
                destination: pool-b
              - name: solo
                schedule: "1 10 * * *"
                action: move-tagged
                source: pool-a
                tag: solo
                destination: pool-b
              """);
      // Every read moves the clock by a microsecond: recorded instants are in order of events.
      TestClock clock =
          new TestClock(Instant.parse("2026-06-01T10:00:30Z"), Duration.ofNanos(1000));
      try (Daemon first = world.daemon(config, clock, RunListener.none());
          Daemon second = world.daemon(config, clock, RunListener.none())) {
        first.tick();
        second.tick();
        clock.set(Instant.parse("2026-06-01T10:01:00Z"));
        List<String> startedBy = new ArrayList<>();
        for (int round = 0; round < 10 && !allFinal(first); round++) {
          CompletableFuture<List<JobRunHandle>> one = CompletableFuture.supplyAsync(first::tick);
          CompletableFuture<List<JobRunHandle>> two = CompletableFuture.supplyAsync(second::tick);
          one.join().forEach(handle -> startedBy.add(first.instance()));
          two.join().forEach(handle -> startedBy.add(second.instance()));
          one.join().forEach(handle -> handle.done().join());
          two.join().forEach(handle -> handle.done().join());
        }

        List<JobRunRecord> runs = first.store().all();
        assertThat(runs).hasSize(2);
        assertThat(runs).allMatch(run -> run.status() == JobRunStatus.SUCCEEDED);
        assertThat(startedBy).hasSize(2);
        Map<String, List<Holding>> byPool =
            first.leases().history().stream().collect(Collectors.groupingBy(Holding::poolUuid));
        assertThat(byPool).hasSize(2);
        for (List<Holding> holdings : byPool.values()) {
          assertThat(holdings).hasSize(2);
          List<Holding> ordered =
              holdings.stream().sorted(Comparator.comparing(Holding::acquiredAt)).toList();
          for (int i = 1; i < ordered.size(); i++) {
            Instant previousEnd = ordered.get(i - 1).released().orElseThrow();
            assertThat(previousEnd).isBefore(ordered.get(i).acquiredAt());
          }
        }
        assertThat(first.leases().leases()).isEmpty();
        assertThat(world.migrationsPerVm())
            .containsOnlyKeys("small-1", "small-2", "small-3", "solo")
            .allSatisfy((vm, times) -> assertThat(times).as(vm).isEqualTo(1L));
      }
    }
  }

  private static boolean allFinal(Daemon daemon) {
    List<JobRunRecord> runs = daemon.store().all();
    return runs.size() == 2 && runs.stream().allMatch(run -> run.status().isFinal());
  }
}
