package io.xemigrate.simulator.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioGenerator;
import io.xemigrate.simulator.scenario.WorkloadSpec;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code workloads.nicBackgroundPercentByHost}: a named host's share is fixed, others draw. */
class HostBackgroundTest {

  @Test
  void aNamedHostGetsItsOwnShareAndTheOthersDrawFromTheDistribution() {
    Scenario generated = ScenarioGenerator.generate(3, 6, 5);
    WorkloadSpec drawn = generated.workloads();
    Scenario scenario =
        new Scenario(
            generated.name(),
            generated.epoch(),
            generated.users(),
            generated.pools(),
            new WorkloadSpec(
                drawn.seed(),
                drawn.kinds(),
                new WorkloadSpec.Spread(15.0, 0.0),
                Map.of("p0-h01", 42.5)));
    try (Simulator sim =
        Simulator.start(scenario, SimulatorOptions.manualClock().withPlainHttp(true))) {
      HiddenWorld world = sim.fleet().hidden();

      assertThat(world.host(hostUuid(sim, "p0-h01")).orElseThrow().meanShare())
          .isCloseTo(0.425, within(1e-12));
      assertThat(world.host(hostUuid(sim, "p0-h00")).orElseThrow().meanShare())
          .isCloseTo(0.15, within(1e-12));
      assertThat(world.host(hostUuid(sim, "p0-h02")).orElseThrow().meanShare())
          .isCloseTo(0.15, within(1e-12));
    }
  }

  private static String hostUuid(Simulator sim, String name) {
    return sim
        .pool("pool-0")
        .store()
        .where(XapiClass.HOST, host -> host.string("name_label").equals(name))
        .stream()
        .map(XapiRecord::uuid)
        .findFirst()
        .orElseThrow();
  }
}
