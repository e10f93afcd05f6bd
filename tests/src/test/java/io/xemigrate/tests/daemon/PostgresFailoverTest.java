package io.xemigrate.tests.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.daemon.DaemonDatabase;
import io.xemigrate.daemon.JobRunRecord;
import io.xemigrate.daemon.JobRunStatus;
import io.xemigrate.daemon.JobStore;
import io.xemigrate.daemon.PoolLeases;
import io.xemigrate.daemon.PoolLeases.Holding;
import io.xemigrate.tests.store.PostgresServer;
import io.xemigrate.xapi.model.PowerState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two {@code xe-migrate serve} processes on one PostgreSQL database (a real server started by the
 * tests) and the simulator: one takes the evacuation job, and is killed with SIGKILL after the n-th
 * phase change of its moves; the other takes the expired lease over (database clock, lease of 2 s)
 * and resumes the run from the journal, observing before acting. Whatever n: every VM was migrated
 * once (the simulator's record) and runs once, on the destination pool; the evacuated host is
 * enabled again, as the job asks; the two holdings of the pools do not overlap. The kill points are
 * drawn from a fixed seed.
 */
class PostgresFailoverTest {
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final List<String> VMS = List.of("small-1", "small-2", "small-3");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /**
   * Five kill points: after the n-th phase change of the run's moves, before the last one (three
   * moves of four phase changes each: validating, migrating, verifying, succeeded).
   */
  static Stream<Integer> killPoints() {
    return new Random(14).ints(1, 12).distinct().limit(5).boxed();
  }

  @ParameterizedTest(name = "killed after phase change {0}")
  @MethodSource("killPoints")
  void theOtherDaemonTakesTheRunOverAndMovesEveryVmOnce(int killAfter)
      throws IOException, InterruptedException {
    StoreLocation.Postgres database = PostgresServer.shared().newDatabase();
    Path passwordFile = dir.resolve("database-password");
    Files.writeString(passwordFile, database.password() + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    try (DaemonWorld world = new DaemonWorld(dir, 40)) {
      Path config =
          world.config(
              "serve.yaml",
              "database: " + database + "\ndatabasePasswordFile: database-password\n",
              "",
              """
              - name: evacuate-a2
                schedule: "0 0 1 1 *"
                action: evacuate-hosts
                source: pool-a
                hosts: [a2]
                destination: pool-b
                limits: {maxConcurrent: 1, perSourceHost: 1}
              """);
      List<DaemonProcess> daemons = new ArrayList<>();
      try {
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          daemons.add(DaemonProcess.serve(dir, config, "--json"));
        }
        for (DaemonProcess daemon : daemons) {
          String ready = daemon.awaitLine(line -> line.contains("\"event\":\"ready\""), PATIENCE);
          instances.add(JSON.readTree(ready).get("instance").asText());
        }
        String id;
        try (DaemonDatabase store = DaemonDatabase.open(database)) {
          id = new JobStore(store).request("evacuate-a2", Clock.systemUTC().instant());
        }
        int holder =
            DaemonProcess.awaitFirst(
                daemons, line -> line.contains("\"event\":\"run-started\""), PATIENCE);
        DaemonProcess killed = daemons.get(holder);
        DaemonProcess standby = daemons.get(1 - holder);
        for (int n = 0; n < killAfter; n++) {
          killed.awaitLine(line -> line.contains("\"event\":\"phase\""), PATIENCE);
        }
        killed.kill();
        Instant killedAt = Clock.systemUTC().instant();

        String finished =
            standby.awaitLine(line -> line.contains("\"event\":\"run-finished\""), PATIENCE);
        JsonNode summary = JSON.readTree(finished);
        assertThat(summary.get("status").asText())
            .as(standby.seen().toString())
            .isEqualTo("SUCCEEDED");
        // SIGTERM: the daemon waits for its job to record its end, then stops.
        standby.close();
        assertThat(standby.exitCode()).isZero();

        try (DaemonDatabase store = DaemonDatabase.open(database)) {
          JobRunRecord run = new JobStore(store).run(id).orElseThrow();
          assertThat(run.status()).isEqualTo(JobRunStatus.SUCCEEDED);
          assertThat(run.holder()).isEqualTo(instances.get(1 - holder));
          assertThat(run.runId()).isEqualTo(summary.get("run").asText());
          List<Holding> holdings =
              new PoolLeases(store)
                  .history().stream().filter(holding -> holding.purpose().equals(id)).toList();
          List<String> holders = holdings.stream().map(Holding::holder).distinct().toList();
          assertThat(holders).containsExactly(instances.get(holder), instances.get(1 - holder));
          Instant firstEnded =
              holdings.stream()
                  .filter(holding -> holding.holder().equals(instances.get(holder)))
                  .map(holding -> holding.released().orElseThrow())
                  .max(Instant::compareTo)
                  .orElseThrow();
          Instant takenOver =
              holdings.stream()
                  .filter(holding -> holding.holder().equals(instances.get(1 - holder)))
                  .map(Holding::acquiredAt)
                  .min(Instant::compareTo)
                  .orElseThrow();
          assertThat(takenOver).as("never two drivers at once").isAfterOrEqualTo(firstEnded);
          System.out.println(
              "failover after phase change "
                  + killAfter
                  + ": taken over "
                  + Duration.between(killedAt, takenOver).toMillis()
                  + " ms after the kill (lease 2 s, poll 1 s)");
        }
      } finally {
        for (DaemonProcess daemon : daemons) {
          daemon.close();
        }
      }
      assertThat(world.migrationsPerVm())
          .containsOnlyKeys(VMS)
          .allSatisfy((vm, times) -> assertThat(times).as(vm).isEqualTo(1L));
      for (String vm : VMS) {
        assertThat(runningCopies(world, vm)).as(vm).isEqualTo(1);
        assertThat(world.whereRuns(vm)).get().asString().startsWith("pool-b/");
      }
      assertThat(world.hostEnabled("pool-a", "a2")).isTrue();
    }
  }

  /** How many VMs of this name run, across both pools. */
  private static long runningCopies(DaemonWorld world, String vm) {
    return Stream.of("pool-a", "pool-b")
        .flatMap(pool -> world.inventory(pool).guests().stream())
        .filter(guest -> guest.nameLabel().equals(vm))
        .filter(guest -> guest.powerState() == PowerState.RUNNING)
        .count();
  }
}
