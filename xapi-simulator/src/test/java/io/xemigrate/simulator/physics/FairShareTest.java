package io.xemigrate.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FairShareTest {

  @Test
  void streamsOnOneNicShareItEqually() {
    Map<String, Double> rates =
        FairShare.allocate(
            ImmutableMap.of(
                "a", new FairShare.Demand(List.of("nic"), 1e12),
                "b", new FairShare.Demand(List.of("nic"), 1e12)),
            ImmutableMap.of("nic", 100.0));

    assertThat(rates).containsEntry("a", 50.0).containsEntry("b", 50.0);
  }

  @Test
  void aCappedStreamLeavesItsUnusedShareToTheOthers() {
    Map<String, Double> rates =
        FairShare.allocate(
            ImmutableMap.of(
                "encrypted", new FairShare.Demand(List.of("nic"), 50),
                "b", new FairShare.Demand(List.of("nic"), 1e12),
                "c", new FairShare.Demand(List.of("nic"), 1e12)),
            ImmutableMap.of("nic", 300.0));

    assertThat(rates.get("encrypted")).isEqualTo(50.0);
    assertThat(rates.get("b")).isCloseTo(125.0, within(1e-9));
    assertThat(rates.get("c")).isCloseTo(125.0, within(1e-9));
  }

  @Test
  void aStreamBottleneckedElsewhereFreesCapacityOnItsOtherResources() {
    Map<String, Double> rates =
        FairShare.allocate(
            ImmutableMap.of(
                "crossing", new FairShare.Demand(List.of("nic1", "nic2"), 1e12),
                "onNic1", new FairShare.Demand(List.of("nic1"), 1e12),
                "onNic2", new FairShare.Demand(List.of("nic2"), 1e12)),
            ImmutableMap.of("nic1", 100.0, "nic2", 200.0));

    assertThat(rates.get("crossing")).isCloseTo(50.0, within(1e-9));
    assertThat(rates.get("onNic1")).isCloseTo(50.0, within(1e-9));
    assertThat(rates.get("onNic2")).isCloseTo(150.0, within(1e-9));
  }
}
