package io.xemigrate.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {
  @Test
  void sameParametersGiveTheSameScenario() {
    String first = ScenarioGenerator.toYaml(ScenarioGenerator.generate(20, 300, 42));
    String second = ScenarioGenerator.toYaml(ScenarioGenerator.generate(20, 300, 42));

    assertThat(first).isEqualTo(second);
  }

  @Test
  void anotherSeedGivesAnotherScenario() {
    assertThat(ScenarioGenerator.toYaml(ScenarioGenerator.generate(20, 300, 42)))
        .isNotEqualTo(ScenarioGenerator.toYaml(ScenarioGenerator.generate(20, 300, 43)));
  }

  @Test
  void theYamlLoadsBackWithTheRequestedSizes() {
    Scenario scenario =
        ScenarioLoader.parse(
            "generated.yaml", ScenarioGenerator.toYaml(ScenarioGenerator.generate(20, 300, 7)));

    assertThat(scenario.pools()).hasSize(2);
    assertThat(scenario.pools().stream().mapToInt(p -> p.hosts().size()).sum()).isEqualTo(20);
    assertThat(scenario.pools().stream().mapToInt(p -> p.vms().size()).sum()).isEqualTo(300);
  }
}
