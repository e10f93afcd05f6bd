package io.xemigrate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a process against the two-pools scenario served over pinned HTTPS by an
 * in-process simulator: every command's normal path, one-line errors for each class of bad input,
 * golden outputs for {@code vm-migrate-check} and {@code plan-show}.
 */
class CliEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Simulator simulator;
  private static MigrationExtension migration;
  private static CliProcess cli;
  private static String pools;

  @BeforeAll
  static void startSimulator() throws IOException {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.manualClock();
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    Path endpoints = dir.resolve("endpoints.json");
    simulator.writeEndpoints(endpoints);
    pools = "pools=" + endpoints;
    cli = new CliProcess(Files.createDirectories(dir.resolve("config")));
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
    migration.close();
  }

  @Test
  void vmListGivesEveryGuestWithStateAndHost() throws IOException {
    CliProcess.Result result = cli.run("vm-list", "pool=pool-a", pools, "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode vms = JSON.readTree(result.out()).get("vms");
    assertThat(vms).hasSize(23);
    JsonNode web01 = find(vms, "web-01");
    assertThat(fieldNames(web01)).containsExactly("uuid", "name", "powerState", "host");
    assertThat(web01.get("powerState").asText()).isEqualTo("running");
    assertThat(web01.get("host").asText()).isEqualTo("a1");
  }

  @Test
  void poolCheckReportsTheMissingSrTypeAndExitsBlocked() {
    CliProcess.Result result = cli.run("pool-check", "source=pool-a", "destination=pool-b", pools);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(result.out()).contains("Pool pool-a -> pool-b").containsPattern("sr_type +iscsi");
  }

  @Test
  void vmMigrateCheckOfEveryVmMatchesTheGoldenJson() throws IOException {
    CliProcess.Result result =
        cli.run(
            "vm-migrate-check", "vm=all", "source=pool-a", "destination=pool-b", pools, "--json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    JsonNode first = JSON.readTree(result.out()).get("vms").get(0);
    assertThat(fieldNames(first))
        .containsExactly("uuid", "name", "verdict", "destinationHost", "findings");
    Golden.assertMatches("vm-migrate-check-all.json", result.out());
  }

  @Test
  void vmMigrateCheckFindsTheSourcePoolAndMatchesTheGoldenText() {
    CliProcess.Result result =
        cli.run("vm-migrate-check", "vm=web-01,gpu-render", "destination=pool-b", pools);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    Golden.assertMatches("vm-migrate-check.txt", result.out());
  }

  @Test
  void vmMigratePlanWritesAScheduledPlanAndPlanShowMatchesTheGolden() throws IOException {
    Path plan = dir.resolve("plan.json");
    CliProcess.Result planned =
        cli.run(
            "vm-migrate-plan",
            "vm=web-01,web-02,app-01,db-01,cache-01",
            "destination=pool-b",
            "out=" + plan,
            pools);

    assertThat(planned.exitCode()).as(planned.err()).isZero();
    MigrationPlan read = PlanJson.read(Files.readString(plan, StandardCharsets.UTF_8));
    assertThat(read.movableCount()).isEqualTo(5);
    assertThat(read.schedule().scheduled()).isTrue();
    assertThat(read.schedule().makespanSeconds())
        .isGreaterThanOrEqualTo(read.schedule().lowerBoundSeconds());
    assertThat(read.moves())
        .allSatisfy(move -> assertThat(move.schedule().sequence()).isNotNegative());

    // The golden plan is a fixed file (a fresh plan records its capture time).
    Path golden = Golden.DIRECTORY.resolve("plan.json");
    if (Golden.updating()) {
      Files.copy(plan, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    CliProcess.Result shown = cli.run("plan-show", "plan=" + golden);
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    Golden.assertMatches("plan-show.txt", shown.out());
  }

  @Test
  void hostEvacuatePlanAcrossPoolsReportsBlockedMoves() throws IOException {
    Path plan = dir.resolve("evacuate.json");
    CliProcess.Result result =
        cli.run(
            "host-evacuate-plan", "host=a1", "destination=pool-b", "out=" + plan, pools, "--json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    JsonNode summary = JSON.readTree(result.out());
    assertThat(summary.get("moves").asInt()).isGreaterThan(summary.get("movable").asInt());
    assertThat(Files.exists(plan)).isTrue();
  }

  /** Issue 17: leaving destination= out moves the VMs inside their pool, said before anything. */
  @Test
  void withoutDestinationTheCommandsSayTheVmsMoveInsideTheirPoolFirst() {
    String note = "xe-migrate: no destination= given: the VMs move inside pool pool-a";

    CliProcess.Result check = cli.run("vm-migrate-check", "vm=web-01", pools);
    assertThat(check.exitCode()).as(check.err()).isZero();
    assertThat(check.errLines()).first().asString().startsWith(note);

    CliProcess.Result move = cli.run("vm-migrate", "vm=web-01", pools);
    assertThat(move.errLines()).as(move.err()).first().asString().startsWith(note);
    assertThat(move.out()).contains("inside pool pool-a: the VMs move between its hosts");
    assertThat(move.exitCode()).as("not a terminal: nothing moves without yes=true").isEqualTo(2);
  }

  @Test
  void badInputIsOneLineWithExitTwo() throws IOException {
    Path brokenPlan = Files.writeString(dir.resolve("broken-plan.json"), "{\"moves\": [");
    assertOneLineError(
        cli.run("vm-list", "pool=pool-a", "colour=blue", pools),
        2,
        "unknown parameter 'colour' for vm-list");
    assertOneLineError(cli.run("vm-list", "pool=", pools), 2, "parameter 'pool' has no value");
    assertOneLineError(
        cli.run("vm-migrate-check", "vm=7491c89e-7329-3fdf-b73b", "destination=pool-b", pools),
        2,
        "malformed UUID '7491c89e-7329-3fdf-b73b' in vm=");
    assertOneLineError(
        cli.run("vm-migrate-check", "vm=nope", "source=pool-a", "destination=pool-b", pools),
        2,
        "unknown VM 'nope' in vm=");
    assertOneLineError(
        cli.run("plan-show", "plan=" + brokenPlan), 2, "malformed plan file " + brokenPlan);
  }

  @Test
  void aPlanWhoseInventoryDriftedIsRefused() throws IOException {
    // The golden plan with app-01 planned from a host it does not run on.
    JsonNode plan = JSON.readTree(Golden.DIRECTORY.resolve("plan.json").toFile());
    for (JsonNode move : plan.get("moves")) {
      if (move.get("vmName").asText().equals("app-01")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) move)
            .put("sourceHostUuid", "00000000-0000-0000-0000-0000000000a9");
      }
    }
    Path drifted = Files.writeString(dir.resolve("drifted-plan.json"), plan.toString());

    assertOneLineError(
        cli.run("plan-apply", "plan=" + drifted, "yes=true", pools),
        2,
        "the plan's inventory drifted (app-01 no longer runs on a1)");
  }

  @Test
  void runCommandsRefuseAnUnknownOrMalformedRun() {
    assertOneLineError(cli.run("run-show", "run=run-nope"), 2, "unknown run 'run-nope' in run=");
    assertOneLineError(
        cli.run("run-resume", "run=run-nope", pools), 2, "unknown run 'run-nope' in run=");
    assertOneLineError(cli.run("run-cancel", "run=run-nope"), 2, "unknown run 'run-nope' in run=");
    assertOneLineError(
        cli.run("run-show", "run=../journal.db"), 2, "malformed run id '../journal.db' in run=");
  }

  @Test
  void ambiguousNameIsOneLineNamingTheParameter() throws IOException {
    String text =
        new String(
            CliEndToEndTest.class.getResourceAsStream("/scenarios/two-pools.yaml").readAllBytes(),
            StandardCharsets.UTF_8);
    // A VM called web-03 in both pools (a pool's own names are unique in scenarios).
    Scenario twins =
        ScenarioLoader.parse("twins.yaml", text.replace("- name: b-web-01", "- name: web-03"));
    try (Simulator other = Simulator.start(twins, SimulatorOptions.manualClock())) {
      Path endpoints = dir.resolve("twins.json");
      other.writeEndpoints(endpoints);
      assertOneLineError(
          cli.run("vm-migrate-check", "vm=web-03", "destination=pool-b", "pools=" + endpoints),
          2,
          "ambiguous VM 'web-03' in vm=: pools pool-a, pool-b all have it");
    }
  }

  @Test
  void poolProblemsAreOneLine() throws IOException {
    Endpoints.PoolEndpoint poolA = simulator.endpoints().pool("pool-a");
    Path password = Files.writeString(dir.resolve("pool-a.password"), poolA.password() + "\n");
    String wrongPin = "AA:" + "00:".repeat(30) + "BB";
    List<String> lines = new ArrayList<>();
    lines.add("pools:");
    lines.add(entry("no-password", poolA.master(), dir.resolve("missing.password"), ""));
    lines.add(entry("unreachable", "https://127.0.0.1:1", password, ""));
    lines.add(entry("wrong-pin", poolA.master(), password, wrongPin));
    Path profiles = Files.write(dir.resolve("pools.yaml"), lines);
    String file = "pools=" + profiles;

    assertOneLineError(
        cli.run("vm-list", "pool=no-password", file),
        2,
        "cannot read the password file " + dir.resolve("missing.password"));
    assertOneLineError(
        cli.run("vm-list", "pool=unreachable", file),
        1,
        "cannot reach pool 'unreachable' at https://127.0.0.1:1");
    CliProcess.Result mismatch = cli.run("vm-list", "pool=wrong-pin", file);
    assertOneLineError(mismatch, 1, "does not match the pin");
    // Both fingerprints in the one form every message uses: sha256:AB:CD:...
    assertThat(mismatch.err())
        .contains("pinned sha256:" + wrongPin)
        .contains("server sent " + poolA.tlsFingerprint());
  }

  private static String entry(String name, String url, Path passwordFile, String pin) {
    return "  - {name: "
        + name
        + ", url: \""
        + url
        + "\", username: root, passwordFile: \""
        + passwordFile
        + "\""
        + (pin.isEmpty() ? "" : ", tlsFingerprint: \"" + pin + "\"")
        + "}";
  }

  private static void assertOneLineError(
      CliProcess.Result result, int exitCode, String expectedPart) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0)).startsWith("xe-migrate: error: ").contains(expectedPart);
    assertThat(result.err()).doesNotContain("Exception in thread").doesNotContain("\tat ");
  }

  private static JsonNode find(JsonNode vms, String name) {
    for (JsonNode vm : vms) {
      if (vm.get("name").asText().equals(name)) {
        return vm;
      }
    }
    throw new AssertionError("no VM " + name);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
