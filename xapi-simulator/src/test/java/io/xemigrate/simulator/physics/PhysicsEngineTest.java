package io.xemigrate.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhysicsEngineTest {
  private static final long GIB = 1L << 30;
  private static final double GBIT = 1e9 / 8;
  private static final long SECOND = 1_000_000_000L;

  private static MigrationSpec memoryOnly(String id, long memory) {
    return new MigrationSpec(
        id, memory, DirtyProfile.idle(), ImmutableList.of(), ImmutableList.of("nic"), 1e12, false);
  }

  private static void runToEnd(PhysicsEngine engine) {
    while (engine.nextEventNanos().isPresent()) {
      engine.advanceTo(engine.nextEventNanos().getAsLong());
    }
  }

  @Test
  void concurrentStreamsShareTheNicAndTheSurvivorTakesItAllBack() {
    PhysicsEngine engine =
        new PhysicsEngine(PrecopyPolicy.withoutFixedCosts(), ImmutableMap.of("nic", GBIT));
    engine.start(memoryOnly("small", 1 * GIB), 0);
    engine.start(memoryOnly("large", 3 * GIB), 0);

    assertThat(engine.rateOf("small")).isEqualTo(GBIT / 2);
    assertThat(engine.rateOf("large")).isEqualTo(GBIT / 2);
    runToEnd(engine);

    // small: 1 GiB at half the link; large: 1 GiB at half, then 2 GiB alone.
    double half = GIB / (GBIT / 2);
    assertThat(engine.truth("small").orElseThrow().totalNanos() / 1e9)
        .isCloseTo(half, withinPercentage(0.01));
    assertThat(engine.truth("large").orElseThrow().totalNanos() / 1e9)
        .isCloseTo(half + 2 * GIB / GBIT, withinPercentage(0.01));
  }

  @Test
  void thePerStreamCapLimitsASingleMigrationOnAFastLink() {
    PhysicsEngine engine =
        new PhysicsEngine(PrecopyPolicy.withoutFixedCosts(), ImmutableMap.of("nic", 10 * GBIT));
    engine.start(
        new MigrationSpec(
            "vm",
            GIB,
            DirtyProfile.idle(),
            ImmutableList.of(),
            ImmutableList.of("nic"),
            2 * GBIT,
            false),
        0);

    assertThat(engine.rateOf("vm")).isEqualTo(2 * GBIT);
  }

  @Test
  void diskCopyIsBoundBySrThroughputAndRunsDiskAfterDisk() {
    PrecopyPolicy policy = PrecopyPolicy.xenServer();
    PhysicsEngine engine =
        new PhysicsEngine(
            policy, ImmutableMap.of("nic", GBIT, "sr-local", 50e6, "sr-remote", 200e6));
    ImmutableList<DiskCopy> disks =
        ImmutableList.of(
            new DiskCopy("a", 10 * GIB, 2 * GIB, "sr-local", "sr-remote"),
            new DiskCopy("b", 10 * GIB, 1 * GIB, "sr-local", "sr-remote"));
    engine.start(
        new MigrationSpec(
            "vm", GIB, DirtyProfile.idle(), disks, ImmutableList.of("nic"), 1e12, true),
        0);
    runToEnd(engine);

    MigrationTruth truth = engine.truth("vm").orElseThrow();
    double expected = 2 * policy.diskSetup().toNanos() / 1e9 + 3 * GIB / 50e6;
    assertThat(truth.diskCopyNanos() / 1e9).isCloseTo(expected, withinPercentage(0.01));
    assertThat(truth.diskBytes()).isEqualTo(3 * GIB);
    assertThat(truth.metadataImportNanos()).isEqualTo(policy.metadataImport().toNanos());
  }

  @Test
  void taskProgressRunsFromZeroToOneOverDisksAndAgainOverMemory() {
    PhysicsEngine engine =
        new PhysicsEngine(
            PrecopyPolicy.xenServer(), ImmutableMap.of("nic", GBIT, "sr-a", 100e6, "sr-b", 100e6));
    ImmutableList<DiskCopy> disks =
        ImmutableList.of(
            new DiskCopy("a", 10 * GIB, 3 * GIB, "sr-a", "sr-b"),
            new DiskCopy("b", 10 * GIB, 1 * GIB, "sr-a", "sr-b"));
    engine.start(
        new MigrationSpec(
            "vm", 4 * GIB, DirtyProfile.constant(10e6), disks, ImmutableList.of("nic"), 1e12, true),
        0);
    List<Double> diskRun = new ArrayList<>();
    List<Double> memoryRun = new ArrayList<>();
    // Sample every half second and at every phase boundary, as a task poller might.
    for (long t = 0; engine.progress("vm").isPresent(); ) {
      t = Math.min(t + SECOND / 2, engine.nextEventNanos().orElse(Long.MAX_VALUE));
      engine.advanceTo(t);
      engine
          .progress("vm")
          .ifPresent(
              progress ->
                  (progress.phase().countsMemory() ? memoryRun : diskRun)
                      .add(progress.taskProgress()));
    }

    assertThat(diskRun.get(0)).isEqualTo(0.0);
    assertThat(diskRun).isSorted();
    assertThat(diskRun.get(diskRun.size() - 1)).isEqualTo(1.0);
    assertThat(diskRun).anySatisfy(p -> assertThat(p).isCloseTo(0.5, within(0.03)));
    assertThat(memoryRun.get(0)).isLessThan(0.05);
    assertThat(memoryRun).isSorted();
    assertThat(memoryRun.get(memoryRun.size() - 1)).isEqualTo(1.0);
  }

  @Test
  void aSlowerNicFromMidwayStretchesTheRestOfTheTransfer() {
    PhysicsEngine engine =
        new PhysicsEngine(PrecopyPolicy.withoutFixedCosts(), ImmutableMap.of("nic", GBIT));
    engine.start(memoryOnly("vm", GIB), 0);
    long halfway = (long) (GIB / GBIT / 2 * 1e9);
    engine.setCapacity("nic", GBIT / 10, halfway);
    runToEnd(engine);

    double expected = GIB / GBIT / 2 + GIB / 2.0 / (GBIT / 10);
    assertThat(engine.truth("vm").orElseThrow().totalNanos() / 1e9)
        .isCloseTo(expected, withinPercentage(0.01));
  }

  @Test
  void phaseChangesAreReportedInOrderAndAnAbortedMigrationLeavesNoTruth() {
    PhysicsEngine engine =
        new PhysicsEngine(PrecopyPolicy.xenServer(), ImmutableMap.of("nic", GBIT));
    engine.start(
        new MigrationSpec(
            "vm",
            GIB,
            DirtyProfile.idle(),
            ImmutableList.of(new DiskCopy("d", GIB, GIB, "s1", "s2")),
            ImmutableList.of("nic"),
            1e12,
            true),
        0);
    engine.start(memoryOnly("doomed", 64 * GIB), 0);

    List<PhysicsEvent> events = engine.advanceTo(60 * SECOND);
    assertThat(events.stream().filter(e -> e.migrationId().equals("vm")).map(PhysicsEvent::phase))
        .containsExactly(
            MigrationPhase.DISK_COPY,
            MigrationPhase.METADATA_IMPORT,
            MigrationPhase.MEMORY_PRECOPY,
            MigrationPhase.STOP_AND_COPY,
            MigrationPhase.SWITCH_OVER,
            MigrationPhase.DONE);
    assertThat(engine.abort("doomed", 61 * SECOND)).contains(MigrationPhase.MEMORY_PRECOPY);
    assertThat(engine.nextEventNanos()).isEmpty();
    assertThat(engine.truths()).extracting(MigrationTruth::migrationId).containsExactly("vm");
  }
}
