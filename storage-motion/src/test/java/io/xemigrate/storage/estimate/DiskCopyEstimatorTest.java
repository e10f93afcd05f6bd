package io.xemigrate.storage.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskCopyEstimatorTest {
  private final DiskCopyEstimator estimator =
      new DiskCopyEstimator(
          2.0,
          Map.of("slow-sr", new SrThroughput(50e6, 40e6), "fast-sr", new SrThroughput(1e9, 1e9)),
          SrThroughput.UNMEASURED);

  @Test
  void disksAreCopiedOneAfterAnotherAtTheSlowestOfLinkAndSrs() {
    List<DiskCopy> disks =
        List.of(
            new DiskCopy("a", 400_000_000L, "fast-sr", "slow-sr"), // SR write 40 MB/s: 10 s
            new DiskCopy("b", 500_000_000L, "fast-sr", "fast-sr")); // link 250 MB/s: 2 s

    DiskCopyEstimate estimate = estimator.estimate(disks, 250e6);

    assertThat(estimate.perDiskSeconds().get(0)).isCloseTo(12.0, within(1e-9));
    assertThat(estimate.perDiskSeconds().get(1)).isCloseTo(4.0, within(1e-9));
    assertThat(estimate.totalSeconds()).isCloseTo(16.0, within(1e-9));
    assertThat(estimate.bytes()).isEqualTo(900_000_000L);
  }

  @Test
  void anUnmeasuredSrUsesTheDefaultThroughput() {
    DiskCopyEstimate estimate =
        estimator.estimate(List.of(new DiskCopy("a", 1_200_000_000L, "x", "y")), 1e9);

    assertThat(estimate.totalSeconds()).isCloseTo(2.0 + 10.0, within(1e-9));
  }

  @Test
  void noDisksMeansNoDiskPhase() {
    assertThat(estimator.estimate(List.of(), 1e9)).isEqualTo(DiskCopyEstimate.NONE);
  }

  @Test
  void rejectsImpossibleInputs() {
    assertThatThrownBy(() -> new DiskCopy("a", -1, "x", "y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SrThroughput(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> estimator.estimate(List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
