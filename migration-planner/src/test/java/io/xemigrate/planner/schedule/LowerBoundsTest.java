package io.xemigrate.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyProfile;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MovePrediction;
import io.xemigrate.planner.predict.PrecopyModel;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LowerBoundsTest {
  private static final long GIB = 1L << 30;
  private final Topology topology =
      new Topology(
          Map.of(
              "src", new HostLink("src", "pool", 1e9),
              "dst-a", new HostLink("dst-a", "pool", 1e9),
              "dst-b", new HostLink("dst-b", "pool", 1e9)),
          2.5e8,
          DiskCopyEstimator.defaults(),
          CalibrationObservations.none());

  private List<MoveDemand> idleMoves(int count) {
    List<MoveDemand> moves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      moves.add(
          MoveDemand.memoryOnly(
              "vm-" + i, "src", i % 2 == 0 ? "dst-a" : "dst-b", 2 * GIB, DirtyProfile.NONE));
    }
    return moves;
  }

  @Test
  void oneHostEvacuationIsBoundByItsNicOrByWhatItsStreamsCarry() {
    List<MoveDemand> moves = idleMoves(8);
    Scheduler scheduler =
        new Scheduler(topology, SchedulerPolicy.defaults().withModel(PrecopyModel.bare()));
    List<MovePrediction> solo = scheduler.soloPredictions(moves);

    LowerBound wide = LowerBounds.of(moves, solo, topology, ConcurrencyLimits.xapiOnly());
    LowerBound narrow =
        LowerBounds.of(moves, solo, topology, new ConcurrencyLimits(2, 3, 0, 0, 0, 0, -1));

    // 16 GiB through a 1 GB/s NIC; with 2 streams of 250 MB/s only 500 MB/s leave the host.
    assertThat(wide.networkSeconds()).isCloseTo(16.0 * GIB / 1e9, within(1e-6));
    assertThat(narrow.networkSeconds()).isCloseTo(16.0 * GIB / 5e8, within(1e-6));
    // Each move alone takes 2 GiB / 250 MB/s; two slots share eight of them.
    assertThat(narrow.slotSeconds()).isCloseTo(4 * 2.0 * GIB / 2.5e8, within(1e-6));
    assertThat(wide.chainSeconds()).isCloseTo(2.0 * GIB / 2.5e8, within(1e-6));
    assertThat(narrow.seconds()).isEqualTo(narrow.slotSeconds());
  }

  @Test
  void oneAtATimeTakesExactlyTheSumOfTheSoloDurations() {
    List<MoveDemand> moves = idleMoves(5);
    SchedulerPolicy policy =
        new SchedulerPolicy(10, 3, 3, 3, Optional.empty(), true, 0.01, PrecopyModel.xenDefaults());
    Scheduler scheduler = new Scheduler(topology, policy);
    List<MovePrediction> solo = scheduler.soloPredictions(moves);

    Schedule sequential = Baselines.run(Strategy.SEQUENTIAL, moves, topology, policy.model(), solo);

    double sum = solo.stream().mapToDouble(MovePrediction::totalSeconds).sum();
    assertThat(sequential.makespanSeconds()).isCloseTo(sum, within(1e-6));
    assertThat(sequential.lowerBound().seconds()).isCloseTo(sum, within(1e-6));
    assertThat(sequential.ratio()).isCloseTo(1.0, within(1e-9));
    assertThat(sequential.queue())
        .extracting(ScheduledMove::vmUuid)
        .containsExactly("vm-0", "vm-1", "vm-2", "vm-3", "vm-4");
  }
}
