package io.xemigrate.tests.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.run.HostMaintenance;
import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.daemon.Daemon;
import io.xemigrate.daemon.JobRunHandle;
import io.xemigrate.daemon.JobRunRecord;
import io.xemigrate.daemon.JobRunStatus;
import io.xemigrate.planner.plan.MovePlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in this process against the simulator, on a clock the test moves: {@link Daemon#tick}
 * is what the serve loop calls every second, so a job "a minute ahead" runs without a minute's
 * wait. Runs are joined on their futures; nothing sleeps.
 */
class DaemonSchedulingTest {
  private static final Instant START = Instant.parse("2026-06-01T10:00:30Z");
  private static final double SPEED = 200;

  @TempDir Path dir;

  @Test
  void aJobScheduledAMinuteAheadEvacuatesItsHostAndARestoreBringsTheVmsBack() {
    try (DaemonWorld world = new DaemonWorld(dir, SPEED)) {
      Path config =
          world.config(
              "evacuate.yaml",
              """
              - name: evacuate-a2
                schedule: "1 10 * * *"
                action: evacuate-hosts
                source: pool-a
                hosts: [a2]
                destination: pool-b
                blocked: skip
                maintenance: true
              - name: restore-a2
                schedule: "0 0 1 1 *"
                action: restore
                restoreJob: evacuate-a2
              """);
      TestClock clock = new TestClock(START, Duration.ZERO);
      try (Daemon daemon = world.daemon(config, clock, RunListener.none())) {
        assertThat(daemon.tick()).isEmpty();

        clock.set(Instant.parse("2026-06-01T10:01:00Z"));
        List<JobRunHandle> started = daemon.tick();

        assertThat(started).hasSize(1);
        assertThat(started.get(0).done().join()).isEqualTo(JobRunStatus.SUCCEEDED);
        JobRunRecord run = daemon.store().history("evacuate-a2").get(0);
        assertThat(run.scheduledFor()).isEqualTo(Instant.parse("2026-06-01T10:01:00Z"));
        assertThat(run.detail()).contains("3 of 3 moves done", "1 blocked: frozen", "maintenance");
        for (String vm : List.of("small-1", "small-2", "small-3")) {
          assertThat(world.whereRuns(vm)).get().asString().startsWith("pool-b/");
        }
        assertThat(world.whereRuns("frozen")).contains("pool-a/a2");
        assertThat(world.hostEnabled("pool-a", "a2")).as("a2 left in maintenance").isFalse();
        assertThat(world.host("pool-a", "a2").otherConfig())
            .containsEntry(HostMaintenance.MAINTENANCE_MODE, "true")
            .containsEntry(HostMaintenance.RUN_KEY, run.runId());

        // The restore, run now: a2 is enabled (markers removed), then the VMs go back to it.
        String restore = daemon.request("restore-a2");
        List<JobRunHandle> restoring = daemon.tick();
        assertThat(restoring).extracting(JobRunHandle::id).containsExactly(restore);
        assertThat(restoring.get(0).done().join()).isEqualTo(JobRunStatus.SUCCEEDED);
        for (String vm : List.of("small-1", "small-2", "small-3")) {
          assertThat(world.whereRuns(vm)).contains("pool-a/a2");
        }
        assertThat(world.hostEnabled("pool-a", "a2")).isTrue();
        assertThat(world.host("pool-a", "a2").otherConfig())
            .as("maintenance markers removed")
            .doesNotContainKeys(HostMaintenance.MAINTENANCE_MODE, HostMaintenance.RUN_KEY);
        assertThat(world.migrationsPerVm())
            .containsEntry("small-1", 2L)
            .containsEntry("small-2", 2L)
            .containsEntry("small-3", 2L)
            .doesNotContainKey("frozen");
      }
    }
  }

  @Test
  void anEvacuationLeavesAHostSomeoneElseDisabledDisabled() {
    try (DaemonWorld world = new DaemonWorld(dir, SPEED)) {
      Path config =
          world.config(
              "others.yaml",
              """
              - name: evacuate-a2
                schedule: "1 10 * * *"
                action: evacuate-hosts
                source: pool-a
                hosts: [a2]
                destination: pool-b
              """);
      String a2 = world.host("pool-a", "a2").uuid();
      world.connector.withClient(
          world.directory.resolve("pool-a", "pool"),
          client -> {
            client.disableHost(a2);
            return null;
          });
      TestClock clock = new TestClock(START, Duration.ZERO);
      try (Daemon daemon = world.daemon(config, clock, RunListener.none())) {
        daemon.tick();
        clock.set(Instant.parse("2026-06-01T10:01:00Z"));
        List<JobRunHandle> started = daemon.tick();

        assertThat(started.get(0).done().join()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(world.whereRuns("small-1")).get().asString().startsWith("pool-b/");
        assertThat(world.hostEnabled("pool-a", "a2"))
            .as("not disabled by this run: not enabled by it")
            .isFalse();
        assertThat(world.host("pool-a", "a2").otherConfig())
            .doesNotContainKey(HostMaintenance.MAINTENANCE_MODE);
      }
    }
  }

  @Test
  void aPausedJobDoesNotRunAndAResumedOneDoes() {
    try (DaemonWorld world = new DaemonWorld(dir, SPEED)) {
      Path config =
          world.config(
              "tagged.yaml",
              """
              - name: solo
                schedule: "*/5 * * * *"
                action: move-tagged
                source: pool-a
                tag: solo
                destination: pool-b
              """);
      TestClock clock = new TestClock(START, Duration.ZERO);
      try (Daemon daemon = world.daemon(config, clock, RunListener.none())) {
        daemon.store().setPaused("solo", true, START);
        clock.set(Instant.parse("2026-06-01T10:05:00Z"));

        assertThat(daemon.tick()).isEmpty();
        assertThat(daemon.store().history("solo"))
            .singleElement()
            .satisfies(
                run -> {
                  assertThat(run.status()).isEqualTo(JobRunStatus.SKIPPED);
                  assertThat(run.detail()).startsWith("paused");
                });
        assertThat(world.whereRuns("solo")).contains("pool-a/a1");

        daemon.store().setPaused("solo", false, START);
        clock.set(Instant.parse("2026-06-01T10:10:00Z"));
        List<JobRunHandle> started = daemon.tick();

        assertThat(started).hasSize(1);
        assertThat(started.get(0).done().join()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(world.whereRuns("solo")).get().asString().startsWith("pool-b/");
      }
    }
  }

  @Test
  void aMissedOccurrenceRunsLateInsideItsWindowOrIsSkipped() {
    try (DaemonWorld world = new DaemonWorld(dir, SPEED)) {
      Path config =
          world.config(
              "missed.yaml",
              """
              - name: late
                schedule: "0 10 * * *"
                action: move-tagged
                source: pool-a
                tag: solo
                destination: pool-b
                window: PT2H
                missed: run-late
              - name: skipped
                schedule: "0 10 * * *"
                action: move-tagged
                source: pool-a
                tag: move-me
                destination: pool-b
                missed: skip
              - name: too-late
                schedule: "0 10 * * *"
                action: move-tagged
                source: pool-a
                tag: move-me
                destination: pool-b
                window: PT15M
                missed: run-late
              """);
      // The daemon ran at 09:00, then was down at 10:00, and is back at 10:30.
      TestClock clock = new TestClock(Instant.parse("2026-06-01T09:00:00Z"), Duration.ZERO);
      try (Daemon before = world.daemon(config, clock, RunListener.none())) {
        assertThat(before.tick()).isEmpty();
      }
      clock.set(Instant.parse("2026-06-01T10:30:00Z"));
      try (Daemon daemon = world.daemon(config, clock, RunListener.none())) {
        List<JobRunHandle> started = daemon.tick();

        assertThat(started).hasSize(1);
        assertThat(started.get(0).done().join()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(daemon.store().history("late").get(0).detail()).contains("ran late");
        assertThat(daemon.store().history("skipped"))
            .singleElement()
            .satisfies(run -> assertThat(run.detail()).contains("missed: skip"));
        assertThat(daemon.store().history("too-late"))
            .singleElement()
            .satisfies(
                run -> {
                  assertThat(run.status()).isEqualTo(JobRunStatus.SKIPPED);
                  assertThat(run.detail()).contains("window closed");
                });
        assertThat(world.whereRuns("solo")).get().asString().startsWith("pool-b/");
        assertThat(world.whereRuns("small-1")).contains("pool-a/a2");
      }
    }
  }

  @Test
  void noMoveStartsAfterTheWindowClosesAndRunningMovesFinish() {
    try (DaemonWorld world = new DaemonWorld(dir, SPEED)) {
      Path config =
          world.config(
              "window.yaml",
              """
              - name: evacuate-a2
                schedule: "1 10 * * *"
                action: evacuate-hosts
                source: pool-a
                hosts: [a2]
                destination: pool-b
                window: PT10M
                limits: {maxConcurrent: 1, perSourceHost: 1}
              """);
      TestClock clock = new TestClock(START, Duration.ZERO);
      // The first move to finish takes the clock past the window: the others must not start.
      RunListener closesTheWindow =
          new RunListener() {
            @Override
            public void moveFinished(MovePlan move, MoveResult result) {
              clock.set(Instant.parse("2026-06-01T10:11:00Z"));
            }
          };
      try (Daemon daemon = world.daemon(config, clock, closesTheWindow)) {
        daemon.tick();
        clock.set(Instant.parse("2026-06-01T10:01:00Z"));
        List<JobRunHandle> started = daemon.tick();

        assertThat(started.get(0).done().join()).isEqualTo(JobRunStatus.CANCELLED);
        JobRunRecord run = daemon.store().history("evacuate-a2").get(0);
        assertThat(run.detail()).contains("1 of 3 moves done", "2 not started: window closed");
        assertThat(world.migrationsPerVm().values()).containsExactly(1L);
        long onA2 =
            List.of("small-1", "small-2", "small-3").stream()
                .map(world::whereRuns)
                .filter(where -> where.equals(Optional.of("pool-a/a2")))
                .count();
        assertThat(onA2).isEqualTo(2);
        assertThat(world.hostEnabled("pool-a", "a2")).as("enabled again: no maintenance").isTrue();
        assertThat(RunOptions.WINDOW_CLOSED).isEqualTo("WINDOW_CLOSED");
      }
    }
  }
}
