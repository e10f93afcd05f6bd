package io.xemigrate.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrecopyPhysicsTest {
  private static final long GIB = 1L << 30;
  private static final double GBIT = 1e9 / 8;
  private static final double MB = 1e6;
  private static final PrecopyPolicy NO_FIXED_COSTS = PrecopyPolicy.withoutFixedCosts();

  @Test
  void aQuietEightGibVmConvergesBeforeTheRoundCapWithTheClosedFormDowntime() {
    PrecopyPolicy policy =
        new PrecopyPolicy(
            4,
            50 * PrecopyPolicy.PAGE_BYTES,
            0.8,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofMillis(100));
    MigrationTruth truth = runAlone(policy, 8 * GIB, DirtyProfile.constant(2.5 * MB), GBIT);
    ClosedFormPrecopy expected =
        ClosedFormPrecopy.of(8 * GIB, GBIT, 2.5 * MB, 4, policy.dirtyThresholdBytes());

    assertThat(truth.stopReason()).isEqualTo(StopReason.BELOW_THRESHOLD);
    assertThat(truth.liveRounds() - 1)
        .isLessThan(policy.maxDirtyRounds())
        .isEqualTo(expected.rounds());
    double switchOver = 0.1;
    assertThat(truth.downtimeNanos() / 1e9)
        .isCloseTo(expected.downtimeSeconds() + switchOver, withinPercentage(10));
    RoundTruth paused = truth.rounds().get(truth.rounds().size() - 1);
    assertThat(paused.paused()).isTrue();
    assertThat(paused.nanos() / 1e9).isCloseTo(expected.downtimeSeconds(), withinPercentage(10));
  }

  @Test
  void aVmDirtyingFasterThanTheLinkStopsAtTheRoundCapWithALongDowntime() {
    MigrationTruth busy = runAlone(NO_FIXED_COSTS, 8 * GIB, DirtyProfile.constant(200 * MB), GBIT);
    MigrationTruth quiet = runAlone(NO_FIXED_COSTS, 8 * GIB, DirtyProfile.constant(2.5 * MB), GBIT);

    assertThat(busy.stopReason()).isEqualTo(StopReason.ITERATION_LIMIT);
    assertThat(busy.liveRounds()).isEqualTo(1 + NO_FIXED_COSTS.maxDirtyRounds());
    // Every round resends all memory: downtime approaches M/B (68.7 s), data 6·M
    // (docs/migration-model.md#worked-examples).
    assertThat(busy.downtimeNanos() / 1e9).isCloseTo(68.7, withinPercentage(1));
    assertThat(busy.memoryBytes()).isEqualTo(6 * 8 * GIB);
    assertThat(busy.downtimeNanos()).isGreaterThan(1000 * quiet.downtimeNanos());
  }

  /**
   * The worked examples of docs/migration-model.md#worked-examples (constant dirty rate, no fixed
   * costs).
   */
  @ParameterizedTest
  @CsvSource({
    "8, 1, 50, 114, 0.704, 13.3",
    "8, 10, 500, 11.4, 0.070, 13.3",
    "8, 10, 1000, 25.4, 2.25, 29.5",
    "64, 10, 200, 65.5, 0.006, 76.2",
    "8, 1, 200, 412, 68.7, 48",
  })
  void theWorkedExamplesOfTheReferenceAreReproduced(
      long memoryGib, double linkGbit, double dirtyMb, double total, double down, double dataGib) {
    MigrationTruth truth =
        runAlone(
            NO_FIXED_COSTS, memoryGib * GIB, DirtyProfile.constant(dirtyMb * MB), linkGbit * GBIT);

    assertThat(truth.totalNanos() / 1e9).isCloseTo(total, withinPercentage(2));
    assertThat(truth.downtimeNanos() / 1e9).isCloseTo(down, withinPercentage(10));
    assertThat((double) truth.memoryBytes() / GIB).isCloseTo(dataGib, within(0.1));
  }

  @Test
  void dirtyingLevelsOffAtTheWritableWorkingSet() {
    long workingSet = 64L << 20;
    MigrationTruth truth =
        runAlone(NO_FIXED_COSTS, 8 * GIB, new DirtyProfile(200 * MB, workingSet), GBIT);

    // The hot set is rewritten faster than it can be sent, so the cap decides; but each dirty
    // round is the working set, not all memory.
    assertThat(truth.stopReason()).isEqualTo(StopReason.ITERATION_LIMIT);
    assertThat(truth.rounds().subList(1, truth.rounds().size()))
        .allSatisfy(round -> assertThat(round.bytes()).isEqualTo(workingSet));
    assertThat(truth.downtimeNanos() / 1e9).isCloseTo(workingSet / GBIT, withinPercentage(1));
  }

  @Test
  void dataSentNeverExceedsSixTimesMemory() {
    for (double dirty : new double[] {0, 1 * MB, 60 * MB, 125 * MB, 1000 * MB}) {
      MigrationTruth truth = runAlone(NO_FIXED_COSTS, 4 * GIB, DirtyProfile.constant(dirty), GBIT);
      assertThat(truth.memoryBytes()).isLessThanOrEqualTo(6 * 4 * GIB);
      assertThat(truth.totalNanos() / 1e9).isGreaterThanOrEqualTo(4 * GIB / GBIT * 0.999);
    }
  }

  static MigrationTruth runAlone(
      PrecopyPolicy policy, long memory, DirtyProfile dirty, double bandwidth) {
    PhysicsEngine engine = new PhysicsEngine(policy, ImmutableMap.of("nic", bandwidth));
    MigrationSpec spec =
        new MigrationSpec(
            "vm", memory, dirty, ImmutableList.of(), ImmutableList.of("nic"), 1e12, false);
    engine.start(spec, 0);
    while (engine.nextEventNanos().isPresent()) {
      engine.advanceTo(engine.nextEventNanos().getAsLong());
    }
    return engine.truth("vm").orElseThrow();
  }
}
