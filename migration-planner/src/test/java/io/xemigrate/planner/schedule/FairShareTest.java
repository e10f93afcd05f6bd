package io.xemigrate.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FairShareTest {
  @Test
  void flowsOnOneLinkSplitItEvenly() {
    double[] rates = FairShare.rates(new double[] {90}, new int[][] {{0}, {0}, {0}}, caps(3, 1e9));

    assertThat(rates).containsExactly(new double[] {30, 30, 30}, within(1e-9));
  }

  @Test
  void aCappedFlowLeavesItsUnusedShareToTheOthers() {
    double[] rates =
        FairShare.rates(
            new double[] {100}, new int[][] {{0}, {0}, {0}}, new double[] {10, 1e9, 1e9});

    assertThat(rates).containsExactly(new double[] {10, 45, 45}, within(1e-9));
  }

  @Test
  void aFlowHeldBackElsewhereLeavesMoreOnTheSharedLink() {
    // Flow 0 crosses links 0 and 1; flow 1 only link 0; flows 2 and 3 only link 1 (capacity 30).
    double[] rates =
        FairShare.rates(new double[] {100, 30}, new int[][] {{0, 1}, {0}, {1}, {1}}, caps(4, 1e9));

    assertThat(rates).containsExactly(new double[] {10, 90, 10, 10}, within(1e-9));
  }

  @Test
  void noFlowsNoRates() {
    assertThat(FairShare.rates(new double[] {1}, new int[0][], new double[0])).isEmpty();
  }

  private static double[] caps(int count, double cap) {
    double[] caps = new double[count];
    java.util.Arrays.fill(caps, cap);
    return caps;
  }
}
