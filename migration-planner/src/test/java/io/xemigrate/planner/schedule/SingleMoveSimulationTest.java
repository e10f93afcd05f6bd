package io.xemigrate.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyProfile;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MovePrediction;
import io.xemigrate.planner.predict.MovePredictor;
import io.xemigrate.planner.predict.PrecopyModel;
import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.storage.estimate.SrThroughput;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The simulation walks the rounds one by one; alone on its links it must agree with the predictor's
 * closed form.
 */
class SingleMoveSimulationTest {
  private final PrecopyModel model = PrecopyModel.xenDefaults();

  @Property(tries = 200)
  void aMoveAloneTakesWhatTheClosedFormPredicts(
      @ForAll @LongRange(min = 0, max = 1L << 36) long memory,
      @ForAll @DoubleRange(min = 0, max = 3e9) double rate,
      @ForAll @LongRange(min = 0, max = 1L << 36) long wws,
      @ForAll @DoubleRange(min = 1e7, max = 3e9) double nic,
      @ForAll @LongRange(min = 0, max = 1L << 35) long diskBytes) {
    Topology topology =
        new Topology(
            Map.of("a", new HostLink("a", "p", nic), "b", new HostLink("b", "p", nic * 2)),
            1e9,
            new DiskCopyEstimator(
                3.0, Map.of("sr-1", new SrThroughput(4e8, 2e8)), SrThroughput.UNMEASURED),
            CalibrationObservations.none());
    MoveDemand move =
        MoveDemand.memoryOnly("vm", "a", "b", memory, new DirtyProfile(rate, wws))
            .withDisks(
                diskBytes == 0 ? List.of() : List.of(new DiskCopy("d", diskBytes, "sr-1", "sr-2")));

    MovePrediction predicted =
        new MovePredictor(model, topology.storage()).predict(move, topology.soloRate(move));
    ScheduledMove simulated =
        BatchSimulation.run(
                List.of(move), new boolean[1], ConcurrencyLimits.xapiOnly(), topology, model)
            .get(0);

    assertThat(simulated.durationSeconds())
        .isCloseTo(predicted.totalSeconds(), within(1e-6 * predicted.totalSeconds() + 1e-6));
    assertThat(simulated.downtimeSeconds())
        .isCloseTo(predicted.downtimeSeconds(), within(1e-6 * predicted.downtimeSeconds() + 1e-6));
    assertThat(simulated.liveRounds()).isEqualTo(predicted.liveRounds());
    assertThat(simulated.converged()).isEqualTo(predicted.converged());
    assertThat(simulated.bytesSent())
        .isCloseTo(predicted.bytesSent(), within(1e-6 * predicted.bytesSent() + 1));
    assertThat(simulated.startSeconds()).isZero();
    assertThat(simulated.predecessors()).isEqualTo(ImmutableList.of());
  }
}
