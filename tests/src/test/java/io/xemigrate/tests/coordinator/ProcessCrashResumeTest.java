package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.run.Cleanup;
import io.xemigrate.coordinator.run.CleanupResult;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.tests.cli.CliProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crash test of issue 7 with real processes: {@code xe-migrate plan-apply} of the five-VM
 * cross-pool plan runs as its own JVM against the simulator served by this test, and is killed
 * ({@code destroyForcibly}, SIGKILL) after a random number of its {@code --json} progress lines;
 * {@code run-resume} then runs as a process and is killed the same way, and so on ({@link
 * #KILLS_PER_RUN} kills), then a last {@code run-resume} to the end, {@code cleanup}, and the fault
 * matrix's invariants. The seed is in the test's name; {@code -Dcrash.seed=N} replays one.
 */
class ProcessCrashResumeTest {
  /**
   * Runs of the plan, each from a fresh simulator: 4 × {@link #KILLS_PER_RUN} = the 20
   * random points, each a real process kill. Five kills per run, because a five-VM run resumed
   * after many more kills may end before the next kill lands.
   */
  static final int RUNS = Integer.getInteger("crash.runs", 4);

  /** Kills per run ({@code -Dcrash.kills=N} to change). */
  static final int KILLS_PER_RUN = Integer.getInteger("crash.kills", 5);

  /** Fast enough that a run takes a few seconds, slow enough that kills land inside moves. */
  private static final double SPEED = 100;

  /** A process is killed after 1 to this many lines of its progress. */
  private static final int MAX_LINES_BEFORE_KILL = 8;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static List<Long> seeds() {
    return List.of(Long.getLong("crash.seed", 20261126L));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @Timeout(value = 900, unit = TimeUnit.SECONDS)
  void killedAtRandomPointsAndResumedEveryVmRunsOnce(long seed) throws IOException {
    Random random = new Random(seed);
    int kills = 0;
    for (int run = 0; run < RUNS; run++) {
      kills += killAndResume(dir.resolve("run-" + run), random);
    }
    assertThat(kills).as("processes killed (seed %d)", seed).isEqualTo(RUNS * KILLS_PER_RUN);
  }

  /** One plan, killed {@link #KILLS_PER_RUN} times, then finished and checked. */
  private int killAndResume(Path home, Random random) throws IOException {
    Path data = Files.createDirectories(home.resolve("data"));
    try (SimulatedPools pools = new SimulatedPools(data.resolve("journal.db"), SPEED)) {
      Path endpoints = home.resolve("endpoints.json");
      pools.simulator.writeEndpoints(endpoints);
      MigrationPlan plan = pools.planFive();
      Path planFile = Files.writeString(home.resolve("plan.json"), PlanJson.pretty(plan));
      CliProcess cli = new CliProcess(home, data);
      String poolsArg = "pools=" + endpoints;

      Killed first =
          runUntilKilled(
              cli, home, random, "plan-apply", "plan=" + planFile, "yes=true", poolsArg, "--json");
      String runId = first.runId();
      int kills = first.killed() ? 1 : 0;
      while (kills < KILLS_PER_RUN) {
        Killed next =
            runUntilKilled(cli, home, random, "run-resume", "run=" + runId, poolsArg, "--json");
        if (!next.killed()) {
          break;
        }
        kills++;
      }
      CliProcess.Result last = cli.run("run-resume", "run=" + runId, poolsArg, "--json");
      assertThat(last.exitCode()).as(last.err()).isIn(0, 1);

      RunStatus status = pools.journal.run(runId).orElseThrow().status();
      assertThat(status).isIn(RunStatus.SUCCEEDED, RunStatus.FAILED);
      MatrixInvariants.assertSettled(pools, plan, runId);
      CleanupResult cleaned = Cleanup.clean(List.of(pools.clientA, pools.clientB), pools.journal);
      assertThat(cleaned.failed()).isEmpty();
      MatrixInvariants.assertNoLeftovers(pools, plan, runId);
      return kills;
    }
  }

  /** How one process ended: the run it worked on and whether it was killed. */
  private record Killed(String runId, boolean killed) {}

  /**
   * Starts the command and reads its JSON lines as they come (no sleeping: each read blocks until
   * the process writes); after the chosen number of lines, kills it.
   */
  private static Killed runUntilKilled(CliProcess cli, Path home, Random random, String... args)
      throws IOException {
    int killAfter = 1 + random.nextInt(MAX_LINES_BEFORE_KILL);
    Path errors = Files.createTempFile(home, "err", ".txt");
    long started = System.nanoTime();
    Process process = cli.start(errors, args);
    String runId = "";
    List<String> seen = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        seen.add(line);
        JsonNode event = JSON.readTree(line);
        if (event.has("run")) {
          runId = event.get("run").asText();
        }
        if (seen.size() >= killAfter) {
          process.destroyForcibly();
          waitFor(process);
          // Where it died, for whoever replays a seed.
          System.out.printf(
              "killed %s after %d lines (%d ms): %s%n",
              args[0], seen.size(), (System.nanoTime() - started) / 1_000_000, line);
          return new Killed(runId, true);
        }
      }
    } catch (UncheckedIOException | IOException e) {
      // The pipe closed under the reader: the process ended on its own.
    }
    waitFor(process);
    assertThat(process.exitValue())
        .as("%s: %s", String.join(" ", args), Files.readString(errors, StandardCharsets.UTF_8))
        .isIn(0, 1);
    return new Killed(runId, false);
  }

  private static void waitFor(Process process) {
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        throw new AssertionError("xe-migrate did not end after being killed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
