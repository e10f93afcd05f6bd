package io.xemigrate.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No real pool carries xe-migrate's keys in other_config, so no shipped or generated scenario does
 * either, unless an operator's hints are asked for on purpose.
 */
class NoHintsInScenariosTest {
  private static final String PREFIX = "xe-migrate:";

  @ParameterizedTest
  @ValueSource(strings = {"two-pools.yaml", "rolling-maintenance.yaml"})
  void bundledScenariosCarryNoHint(String name) {
    assertThat(keys(ScenarioLoader.loadBundled(name))).noneMatch(k -> k.startsWith(PREFIX));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void generatedScenariosCarryNoHint(long seed) {
    Scenario scenario = ScenarioGenerator.generate(20, 300, seed, 8);
    assertThat(keys(scenario)).noneMatch(k -> k.startsWith(PREFIX));
    assertThat(ScenarioGenerator.toYaml(scenario)).doesNotContain(PREFIX);
  }

  @Test
  void hintsAppearOnlyWhenAskedForAndThenDifferFromTheTruthsMedian() {
    Scenario hinted = ScenarioGenerator.withOperatorHints(ScenarioGenerator.generate(2, 20, 5));
    assertThat(keys(hinted)).contains(MigrationHints.DIRTY_RATE_KEY, MigrationHints.WWS_KEY);
    Scenario reloaded = ScenarioLoader.parse("hinted.yaml", ScenarioGenerator.toYaml(hinted));
    assertThat(reloaded.workloads().kinds()).containsKeys("idle", "web", "database", "batch");
  }

  private static List<String> keys(Scenario scenario) {
    return scenario.pools().stream()
        .flatMap(
            pool ->
                Stream.concat(
                    pool.vms() == null
                        ? Stream.empty()
                        : pool.vms().stream().map(Scenario.VmSpec::otherConfig),
                    pool.srs() == null
                        ? Stream.empty()
                        : pool.srs().stream().map(Scenario.SrSpec::otherConfig)))
        .filter(config -> config != null)
        .map(Map::keySet)
        .flatMap(java.util.Set::stream)
        .toList();
  }
}
