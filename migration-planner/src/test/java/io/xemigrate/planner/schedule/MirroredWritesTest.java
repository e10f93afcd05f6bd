package io.xemigrate.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyProfile;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A guest's disk writes, as the RRDs showed them, ride on its disk copies. */
class MirroredWritesTest {
  private static final long GIB = 1L << 30;
  private final Topology topology =
      new Topology(
          Map.of("a", new HostLink("a", "p", 1.25e9), "b", new HostLink("b", "p", 1.25e9)),
          250e6,
          DiskCopyEstimator.defaults(),
          CalibrationObservations.none());

  private static MoveDemand move(String vm) {
    return MoveDemand.memoryOnly(vm, "a", "b", 4 * GIB, DirtyProfile.NONE)
        .withDisks(List.of(new DiskCopy("d-" + vm, 30 * GIB, "s1", "s2")));
  }

  private static PoolObservations writes(String vm, double bytesPerSecond) {
    return new PoolObservations(
        ImmutableMap.of(), ImmutableMap.of(vm, bytesPerSecond), ImmutableMap.of());
  }

  @Test
  void aCopyGrowsByWhatTheGuestWritesWhileItRuns() {
    // The SR copies at 120 MB/s; a guest writing 30 MB/s makes 30 GiB into 40 GiB.
    List<MoveDemand> grown =
        MirroredWrites.apply(List.of(move("vm")), writes("vm", 30e6), topology);

    assertThat(grown.get(0).diskBytes()).isEqualTo(40 * GIB);
  }

  @Test
  void noWritesNoDisksOrAFasterWriterThanTheCopy() {
    assertThat(MirroredWrites.apply(List.of(move("vm")), PoolObservations.none(), topology))
        .containsExactly(move("vm"));
    MoveDemand memoryOnly = MoveDemand.memoryOnly("m", "a", "b", GIB, DirtyProfile.NONE);
    assertThat(MirroredWrites.apply(List.of(memoryOnly), writes("m", 50e6), topology))
        .containsExactly(memoryOnly);
    assertThat(
            MirroredWrites.apply(List.of(move("vm")), writes("vm", 500e6), topology)
                .get(0)
                .diskBytes())
        .isEqualTo((long) (30 * GIB * MirroredWrites.MOST_GROWTH));
  }
}
