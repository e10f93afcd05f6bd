package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.plugin.journal.RunRecord.RunStatus;
import io.xemigrate.plugin.run.RunOptions;
import io.xemigrate.plugin.run.RunSummary;
import io.xemigrate.simulator.migration.MigrationService;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The run dies after its N-th journal write (every thread stops at its next write, as in a killed
 * process; the toolstack carries on); {@code run-resume} then finishes the plan from the journal
 * and both pools, without moving anything twice.
 */
class CrashResumeTest {
  @TempDir Path dir;

  /** What the test hook throws: the process "dies" here. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash", null, false, false);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 6, 11, 17, 26})
  void resumesAfterACrashAtEveryPoint(int writes) {
    try (SimulatedPools pools = new SimulatedPools(dir.resolve("journal.db"))) {
      MigrationPlan scheduled = pools.planFive();
      AtomicInteger count = new AtomicInteger();
      RunOptions crashing =
          RunOptions.defaults()
              .withAfterJournalWrite(
                  () -> {
                    if (count.incrementAndGet() > writes) {
                      throw new SimulatedCrash();
                    }
                  });

      assertThatThrownBy(() -> pools.coordinator(crashing).apply("run-crash", scheduled))
          .isInstanceOf(SimulatedCrash.class);
      RunSummary resumed = pools.coordinator(RunOptions.defaults()).resume("run-crash");

      assertThat(resumed.status()).isIn(RunStatus.SUCCEEDED, RunStatus.FAILED);
      pools.assertInvariants(scheduled, "run-crash");
      Map<String, Long> migrations =
          pools.migration.service().recorded().stream()
              .collect(
                  Collectors.groupingBy(MigrationService.Recorded::vmUuid, Collectors.counting()));
      assertThat(migrations.values()).allMatch(times -> times == 1);
      assertThat(pools.journal.run("run-crash").orElseThrow().status()).isEqualTo(resumed.status());
    }
  }
}
