package io.xemigrate.tests.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.daemon.DaemonDatabase;
import io.xemigrate.daemon.PoolLeases;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.tests.cli.CliProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a PostgreSQL database ({@code database=}): it lists and shows the runs a
 * daemon journaled there and waits for the pool leases a daemon holds there; a password in the
 * address, a server that cannot be reached and a wrong password are each one line naming what to
 * do, never showing the password.
 */
class PostgresCommandLineTest {
  @TempDir Path dir;

  /** A plan of the two-pools scenario: pool-a to pool-b. */
  private static String goldenPlan() throws Exception {
    return Files.readString(
        Path.of(
            PostgresCommandLineTest.class.getClassLoader().getResource("golden/plan.json").toURI()),
        StandardCharsets.UTF_8);
  }

  private Path passwordFile(String password) throws IOException {
    Path file = dir.resolve("password-" + password.length());
    Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void runListAndRunShowSeeTheRunsADaemonJournaledOnTheServer() throws Exception {
    StoreLocation.Postgres database = PostgresServer.shared().newDatabase();
    String plan = goldenPlan();
    List<String> vms = new ArrayList<>();
    new ObjectMapper()
        .readTree(plan)
        .get("moves")
        .forEach(move -> vms.add(move.get("vmUuid").asText()));
    try (Journal daemon = Journal.open(database, Clock.systemUTC())) {
      daemon.startRun("run-from-daemon", "hash", plan, vms);
    }
    CliProcess cli = new CliProcess(dir);
    String password = "database-password-file=" + passwordFile(database.password());

    CliProcess.Result list = cli.run("run-list", "database=" + database, password, "--json");
    CliProcess.Result show =
        cli.run("run-show", "run=run-from-daemon", "database=" + database, password);

    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains("\"run\":\"run-from-daemon\"", "\"moves\":" + vms.size());
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).contains("run-from-daemon: RUNNING", "app-01", "PENDING");
  }

  @Test
  void runResumeWaitsForTheLeaseADaemonHoldsOnTheServer() throws Exception {
    StoreLocation.Postgres database = PostgresServer.shared().newDatabase();
    String plan = goldenPlan();
    JsonNode tree = new ObjectMapper().readTree(plan);
    List<String> vms = new ArrayList<>();
    tree.get("moves").forEach(move -> vms.add(move.get("vmUuid").asText()));
    try (Journal daemon = Journal.open(database, Clock.systemUTC())) {
      daemon.startRun("run-held", "hash", plan, vms);
    }
    Set<String> pools =
        Set.of(
            tree.get("source").get("poolUuid").asText(),
            tree.get("destination").get("poolUuid").asText());
    try (DaemonDatabase daemon = DaemonDatabase.open(database);
        Simulator simulator =
            Simulator.start(
                ScenarioLoader.loadBundled("two-pools.yaml"), SimulatorOptions.manualClock())) {
      new PoolLeases(daemon)
          .tryAcquire(
              pools,
              "daemon-1",
              "evacuate-a2-now",
              Instant.now(),
              Duration.ofHours(1),
              sql -> true);
      Path endpoints = dir.resolve("endpoints.json");
      simulator.writeEndpoints(endpoints);

      CliProcess.Result result =
          new CliProcess(dir)
              .run(
                  "run-resume",
                  "run=run-held",
                  "pools=" + endpoints,
                  "database=" + database,
                  "database-password-file=" + passwordFile(database.password()));

      assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
      assertThat(result.errLines())
          .singleElement()
          .satisfies(line -> assertThat(line).contains("is busy with evacuate-a2-now"));
    }
  }

  @Test
  void aPasswordInTheAddressIsRefusedWithExit2AndNotRepeated() {
    CliProcess.Result result =
        new CliProcess(dir)
            .run("run-list", "database=postgresql://xemigrate:hunter2secret@127.0.0.1/xemigrate");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("carries a password", "database-password-file=")
                    .doesNotContain("hunter2secret"));
  }

  @Test
  void aServerThatCannotBeReachedIsOneLine() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = socket.getLocalPort();
    }

    CliProcess.Result result =
        new CliProcess(dir)
            .run(
                "run-list",
                "database=postgresql://127.0.0.1:" + closed + "/xemigrate?user=xemigrate",
                "database-password-file=" + passwordFile("whatever"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("cannot reach the PostgreSQL server 127.0.0.1:" + closed)
                    .doesNotContain("Exception", "org.postgresql"));
  }

  @Test
  void aWrongPasswordIsOneLineNamingTheUser() throws IOException {
    StoreLocation.Postgres database = PostgresServer.shared().newDatabase();

    CliProcess.Result result =
        new CliProcess(dir)
            .run(
                "run-list",
                "database=" + database,
                "database-password-file=" + passwordFile("not-the-password-9x"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("refused user xemigrate", "check the password")
                    .doesNotContain("not-the-password-9x", "Exception"));
  }
}
