package io.xemigrate.tests.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.daemon.DaemonDatabase;
import io.xemigrate.daemon.PoolLeases;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.tests.cli.CliProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The applying commands on a PostgreSQL database ({@code plan-apply}, {@code vm-migrate} with
 * {@code database=}): they take the pool leases the daemons take there (a pool a daemon holds is
 * exit 4, one line, nothing moved) and journal their runs where the daemons and {@code run-list}
 * see them.
 */
class PostgresApplyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private StoreLocation.Postgres database;
  private Simulator simulator;
  private MigrationExtension migration;
  private Path endpoints;
  private String passwordArgument;

  @BeforeEach
  void start() throws IOException {
    database = PostgresServer.shared().newDatabase();
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.atSpeed(50);
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    endpoints = dir.resolve("endpoints.json");
    simulator.writeEndpoints(endpoints);
    Path password = dir.resolve("database-password");
    Files.writeString(password, database.password() + "\n", StandardCharsets.UTF_8);
    passwordArgument = "database-password-file=" + password;
  }

  @AfterEach
  void stop() {
    simulator.close();
    migration.close();
  }

  /** A plan of the two-pools scenario: pool-a to pool-b. */
  private static Path goldenPlan() throws Exception {
    return Path.of(
        PostgresApplyTest.class.getClassLoader().getResource("golden/plan.json").toURI());
  }

  @Test
  void planApplyWaitsForThePoolLeaseADaemonHoldsAndMovesNothing() throws Exception {
    Path plan = goldenPlan();
    JsonNode tree = JSON.readTree(plan.toFile());
    Set<String> pools =
        Set.of(
            tree.get("source").get("poolUuid").asText(),
            tree.get("destination").get("poolUuid").asText());
    CliProcess.Result result;
    try (DaemonDatabase daemon = DaemonDatabase.open(database)) {
      assertThat(
              new PoolLeases(daemon)
                  .tryAcquire(
                      pools,
                      "daemon-1",
                      "evacuate-a2-now",
                      Instant.now(),
                      Duration.ofHours(1),
                      sql -> true))
          .isTrue();

      result =
          new CliProcess(dir)
              .run(
                  "plan-apply",
                  "plan=" + plan,
                  "yes=true",
                  "pools=" + endpoints,
                  "database=" + database,
                  passwordArgument);
    }

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    assertThat(result.errLines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("is busy with evacuate-a2-now")
                    .doesNotContain(database.password()));
    assertThat(migration.service().recorded()).isEmpty();
    try (Journal journal = Journal.open(database, Clock.systemUTC())) {
      assertThat(journal.runs()).isEmpty();
    }
  }

  @Test
  void vmMigrateOnAFreePoolJournalsItsRunWhereTheDaemonsAndRunListSeeIt() throws Exception {
    CliProcess cli = new CliProcess(dir);

    CliProcess.Result moved =
        cli.run(
            "vm-migrate",
            "vm=web-01",
            "source=pool-a",
            "destination=pool-b",
            "yes=true",
            "pools=" + endpoints,
            "database=" + database,
            passwordArgument);
    CliProcess.Result list =
        cli.run("run-list", "database=" + database, passwordArgument, "--json");

    assertThat(moved.exitCode()).as(moved.err()).isZero();
    assertThat(migration.service().recorded()).hasSize(1);
    List<RunRecord> runs;
    try (Journal journal = Journal.open(database, Clock.systemUTC())) {
      runs = journal.runs();
    }
    assertThat(runs)
        .singleElement()
        .satisfies(run -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED));
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains("\"run\":\"" + runs.get(0).runId() + "\"");
    // The command line gave the pools back when its run ended: a daemon takes them at once.
    try (DaemonDatabase daemon = DaemonDatabase.open(database)) {
      assertThat(
              new PoolLeases(daemon)
                  .tryAcquire(
                      poolsOf(runs.get(0)),
                      "daemon-1",
                      "next-job",
                      Instant.now(),
                      Duration.ofMinutes(1),
                      sql -> true))
          .isTrue();
    }
    // Nothing left in the data directory: the run lives in the shared database only.
    assertThat(dir.resolve("data").resolve("journal.db")).doesNotExist();
  }

  /** The pools a run's plan names. */
  private static Set<String> poolsOf(RunRecord run) throws IOException {
    JsonNode plan = JSON.readTree(run.planJson());
    return Set.of(
        plan.get("source").get("poolUuid").asText(),
        plan.get("destination").get("poolUuid").asText());
  }
}
