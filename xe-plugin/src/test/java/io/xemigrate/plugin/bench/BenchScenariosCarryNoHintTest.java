package io.xemigrate.plugin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's scenarios carry no xe-migrate hint: the planner sees what a real pool shows. */
class BenchScenariosCarryNoHintTest {

  @Test
  void noBenchScenarioWritesAnXeMigrateKey() {
    List<Scenario> scenarios =
        List.of(
            BenchScenarios.mixedEvacuation(1),
            BenchScenarios.eightHostsAcrossPools(1),
            BenchScenarios.largeDrain(200, 1),
            BenchScenarios.tiny(4, 7),
            BenchScenarios.tinyAcrossPools(3, 7));
    for (Scenario scenario : scenarios) {
      assertThat(ScenarioGenerator.toYaml(scenario))
          .as(scenario.name())
          .doesNotContain("xe-migrate:");
    }
  }
}
