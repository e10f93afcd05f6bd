package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.run.HostMaintenance;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.simulator.migration.Fault;
import io.xemigrate.simulator.migration.FaultKind;
import io.xemigrate.simulator.migration.MigrationService;
import io.xemigrate.tests.cli.CliProcess;
import io.xemigrate.xapi.model.Host;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs from several entry points and interrupted runs, as real processes against the simulator
 * (issue 17 items 5 to 7): one pool lease for every run; an interrupted run resumed to its end; the
 * hosts a killed evacuation disabled enabled again (or left in maintenance mode) by {@code
 * run-resume}, in the words of an uninterrupted run.
 */
class ProcessRunControlTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The bandwidth left to the sending host while the first run must stay alive. */
  private static final double CRAWL = 0.001;

  /** How long (virtual seconds) the crawl lasts: far beyond the test, until the clock jumps. */
  private static final double CRAWL_SECONDS = 1_000_000;

  @TempDir Path dir;

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void twoAppliesOfOnePlanOneRunsTheOtherIsRefusedAndCtrlCThenResumeFinishes()
      throws IOException, InterruptedException {
    Path data = Files.createDirectories(dir.resolve("data"));
    try (SimulatedPools pools = new SimulatedPools(data.resolve("journal.db"), 100)) {
      Path endpoints = dir.resolve("endpoints.json");
      pools.simulator.writeEndpoints(endpoints);
      MigrationPlan plan = pools.planFive();
      Path planFile = Files.writeString(dir.resolve("plan.json"), PlanJson.pretty(plan));
      String poolsArg = "pools=" + endpoints;
      CliProcess cli = new CliProcess(dir, data);
      // The first run crawls (its sending host's NIC at a thousandth) so that it is still running
      // while the others try: no timing involved.
      pools.migration.service().inject(slowNic(pools, "a1"));

      Process first =
          cli.start(
              dir.resolve("first.err"),
              "plan-apply",
              "plan=" + planFile,
              "yes=true",
              poolsArg,
              "--json");
      BufferedReader firstOut = reader(first);
      JsonNode started = JSON.readTree(firstOut.readLine());
      String runId = started.get("run").asText();

      CliProcess.Result second =
          cli.run("plan-apply", "plan=" + planFile, "yes=true", poolsArg, "--json");
      assertThat(second.exitCode()).as(second.err()).isEqualTo(4);
      assertThat(second.errLines()).hasSize(1);
      assertThat(second.errLines().get(0)).contains("is busy with a command-line run");

      CliProcess.Result resumeWhileRunning = cli.run("run-resume", "run=" + runId, poolsArg);
      assertThat(resumeWhileRunning.exitCode()).as(resumeWhileRunning.err()).isEqualTo(4);

      // Ctrl-C: the first run stops what xapi lets it stop and waits for its moves to settle.
      interrupt(first);
      firstOut.lines().forEach(line -> {});
      assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).isEqualTo(130);
      assertThat(pools.journal.runs()).hasSize(1);
      assertThat(migrationsPerVm(pools).values()).allMatch(times -> times <= 1);

      // The crawl ends; run-resume finishes what the interrupt stopped.
      pools.clock.advance(Duration.ofSeconds((long) CRAWL_SECONDS));
      CliProcess.Result resumed = cli.run("run-resume", "run=" + runId, poolsArg, "--json");
      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      assertThat(pools.journal.run(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
      MatrixInvariants.assertSettled(pools, plan, runId);
    }
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void aKilledEvacuationResumedEnablesItsHostAgainInTheSameWords() throws IOException {
    List<String> resumed = killEvacuationAndResume(false);
    assertThat(resumed).contains("host=a2 enabled again");
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void aKilledEvacuationInMaintenanceModeResumedLeavesItsHostInMaintenance() throws IOException {
    List<String> resumed = killEvacuationAndResume(true);
    assertThat(resumed)
        .anyMatch(line -> line.startsWith("host=a2 left disabled in maintenance mode"));
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void anUninterruptedEvacuationNamesItsBlockedVmsWithTheirCodesAndExplainsExitThree()
      throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    try (SimulatedPools pools = new SimulatedPools(data.resolve("journal.db"), 400)) {
      Path endpoints = dir.resolve("endpoints.json");
      pools.simulator.writeEndpoints(endpoints);
      CliProcess cli = new CliProcess(dir, data);
      CliProcess.Result result =
          cli.run(
              "host-evacuate", "host=a2", "destination=pool-b", "yes=true", "pools=" + endpoints);

      assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
      List<String> out = result.out().lines().toList();
      // In the plan shown before the question, and at the end.
      assertThat(out).anyMatch(line -> line.matches(".*gpu-render .* BLOCKED VM_HAS_PCI_ATTACHED"));
      assertThat(out).contains("host=a2 enabled again", "blocked by the checks (not moved):");
      assertThat(out)
          .anyMatch(line -> line.matches(" +gpu-render +VM_HAS_PCI_ATTACHED"))
          .anyMatch(line -> line.matches(" +vdi-desktop +VM_HAS_VGPU"));
      assertThat(result.errLines()).hasSize(1);
      assertThat(result.errLines().get(0)).startsWith("xe-migrate: exit code 3: ");
    }
  }

  /**
   * {@code host-evacuate host=a2} killed with SIGKILL while a VM migrates, then {@code run-resume};
   * returns what the resume printed, after checking the host as an uninterrupted run leaves it.
   */
  private List<String> killEvacuationAndResume(boolean maintenance) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    try (SimulatedPools pools = new SimulatedPools(data.resolve("journal.db"), 400)) {
      Path endpoints = dir.resolve("endpoints.json");
      pools.simulator.writeEndpoints(endpoints);
      String poolsArg = "pools=" + endpoints;
      CliProcess cli = new CliProcess(dir, data);
      Process evacuation =
          cli.start(
              dir.resolve("evacuate.err"),
              "host-evacuate",
              "host=a2",
              "destination=pool-b",
              "maintenance=" + maintenance,
              "yes=true",
              poolsArg);
      String runId = "";
      try (BufferedReader out = reader(evacuation)) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("run ")) {
            runId = line.substring(4, line.indexOf(':'));
          }
          if (line.endsWith(": MIGRATING")) {
            evacuation.destroyForcibly();
            break;
          }
        }
      }
      waitFor(evacuation);
      assertThat(runId).isNotEmpty();
      String a2 = hostUuid(pools, "a2");
      assertThat(pools.source.fresh().host(a2).orElseThrow().enabled()).isFalse();

      CliProcess.Result resume = cli.run("run-resume", "run=" + runId, poolsArg);
      assertThat(resume.exitCode()).as(resume.err()).isZero();
      Host after = pools.source.fresh().host(a2).orElseThrow();
      assertThat(after.enabled()).isEqualTo(!maintenance);
      assertThat(after.otherConfig().containsKey(HostMaintenance.MAINTENANCE_MODE))
          .isEqualTo(maintenance);
      return resume.out().lines().toList();
    }
  }

  private static Fault slowNic(SimulatedPools pools, String hostName) {
    return new Fault(FaultKind.SLOW_NIC, hostUuid(pools, hostName), CRAWL_SECONDS, CRAWL, 0);
  }

  private static String hostUuid(SimulatedPools pools, String name) {
    return pools.sourceBefore.hosts().values().stream()
        .filter(host -> host.nameLabel().equals(name))
        .findFirst()
        .orElseThrow()
        .uuid();
  }

  private static Map<String, Long> migrationsPerVm(SimulatedPools pools) {
    return pools.migration.service().recorded().stream()
        .collect(Collectors.groupingBy(MigrationService.Recorded::vmUuid, Collectors.counting()));
  }

  /** SIGINT, as Ctrl-C sends it. */
  private static void interrupt(Process process) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static void waitFor(Process process) {
    try {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
