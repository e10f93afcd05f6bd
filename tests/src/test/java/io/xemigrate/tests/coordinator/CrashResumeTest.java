package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.run.Cleanup;
import io.xemigrate.coordinator.run.CleanupResult;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The run dies after a random number of journal writes (every thread stops at its next write, as in
 * a killed process; the toolstack carries on); {@code run-resume} then dies the same way, and so
 * on: {@value #CRASHES_PER_RUN} crashes per run over {@value #RUNS} runs of the five-VM plan (20
 * random points), then a last resume, {@code cleanup} and the fault matrix's invariants. Seeded:
 * the seed is in the test's name, {@code -Dcrash.seed=N} replays one. {@link
 * ProcessCrashResumeTest} does the same with real processes and SIGKILL.
 */
class CrashResumeTest {
  static final int RUNS = 2;
  static final int CRASHES_PER_RUN = 10;

  /** A crash comes after 1 to this many journal writes of the run or resume it interrupts. */
  private static final int MAX_WRITES_BEFORE_CRASH = 8;

  @TempDir Path dir;

  /** What the test hook throws: the process "dies" here. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash", null, false, false);
    }
  }

  static List<Long> seeds() {
    return List.of(Long.getLong("crash.seed", 7L));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void resumesAfterACrashAtEveryRandomPoint(long seed) {
    Random random = new Random(seed);
    for (int run = 0; run < RUNS; run++) {
      crashAndResume(dir.resolve("journal-" + run + ".db"), random);
    }
  }

  private static void crashAndResume(Path journalFile, Random random) {
    try (SimulatedPools pools = new SimulatedPools(journalFile)) {
      MigrationPlan scheduled = pools.planFive();
      assertThatThrownBy(() -> pools.coordinator(crashing(random)).apply("run-crash", scheduled))
          .isInstanceOf(SimulatedCrash.class);
      for (int crash = 1; crash < CRASHES_PER_RUN; crash++) {
        try {
          pools.coordinator(crashing(random)).resume("run-crash");
        } catch (SimulatedCrash expected) {
          // Died again: the next resume starts from what this one journaled.
        }
      }
      RunSummary resumed = pools.coordinator(RunOptions.defaults()).resume("run-crash");

      assertThat(resumed.status()).isIn(RunStatus.SUCCEEDED, RunStatus.FAILED);
      assertThat(pools.journal.run("run-crash").orElseThrow().status()).isEqualTo(resumed.status());
      MatrixInvariants.assertSettled(pools, scheduled, "run-crash");
      CleanupResult cleaned = Cleanup.clean(List.of(pools.clientA, pools.clientB), pools.journal);
      assertThat(cleaned.failed()).isEmpty();
      MatrixInvariants.assertNoLeftovers(pools, scheduled, "run-crash");
    }
  }

  /** Options whose journal hook "kills" the run after a random number of writes. */
  private static RunOptions crashing(Random random) {
    int writes = 1 + random.nextInt(MAX_WRITES_BEFORE_CRASH);
    AtomicInteger count = new AtomicInteger();
    return RunOptions.defaults()
        .withAfterJournalWrite(
            () -> {
              if (count.incrementAndGet() > writes) {
                throw new SimulatedCrash();
              }
            });
  }
}
