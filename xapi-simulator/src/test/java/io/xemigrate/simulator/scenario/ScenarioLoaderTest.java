package io.xemigrate.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A bad scenario gives one error naming the file, the line and the field. */
class ScenarioLoaderTest {
  private static final String GOOD =
      """
      name: tiny
      users:
        - {name: root, password: pw, role: pool-admin}
      pools:
        - name: p
          hosts:
            - name: h1
              master: true
              memoryMiB: 65536
          srs:
            - {name: nfs, type: nfs, shared: true, sizeGiB: 100}
          networks:
            - name: net
              pifs:
                - {host: h1, device: eth0}
          vms:
            - name: vm1
              powerState: Running
              host: h1
              memoryMiB: 1024
              disks:
                - {sr: nfs, sizeGiB: 10}
              nics:
                - {network: net}
      """;

  @ParameterizedTest
  @ValueSource(strings = {"two-pools.yaml", "rolling-maintenance.yaml"})
  void bundledScenariosLoad(String name) {
    assertThat(ScenarioLoader.loadBundled(name).pools()).isNotEmpty();
  }

  static Stream<Arguments> badScenarios() {
    return Stream.of(
        Arguments.of(
            "        memoryMiB: 65536",
            "        memoryMiB: lots",
            9,
            "pools[0].hosts[0].memoryMiB"),
        Arguments.of(
            "        memoryMiB: 1024",
            "        memoryMibs: 1024",
            20,
            "pools[0].vms[0].memoryMibs"),
        Arguments.of(
            "          - {sr: nfs, sizeGiB: 10}",
            "          - {sr: san, sizeGiB: 10}",
            22,
            "pools[0].vms[0].disks[0].sr"),
        Arguments.of(
            "          - {network: net}",
            "          - {network: wan}",
            24,
            "pools[0].vms[0].nics[0].network"),
        Arguments.of("        master: true", "        master: false", 6, "pools[0].hosts"),
        Arguments.of("role: pool-admin", "role: emperor", 3, "users[0].role"),
        Arguments.of(
            "        powerState: Running",
            "        powerState: Dancing",
            18,
            "pools[0].vms[0].powerState"),
        Arguments.of("        host: h1\n", "        host: h9\n", 19, "pools[0].vms[0].host"),
        Arguments.of(
            "          - {network: net}",
            "          - {network: net}\n        vgpus: [\"A100-4C@0000:c1:00.4\"]",
            25,
            "pools[0].vms[0].vgpus[0]"));
  }

  @ParameterizedTest
  @MethodSource("badScenarios")
  void badScenarioNamesFileLineAndField(String good, String bad, int line, String field) {
    assertThat(GOOD).contains(good);
    String text = GOOD.replace(good, bad);

    assertThatThrownBy(() -> ScenarioLoader.parse("tiny.yaml", text))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e -> {
              assertThat(e.file()).isEqualTo("tiny.yaml");
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).startsWith("tiny.yaml:" + line + ": " + field + ": ");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"pools: [", "name: [unclosed"})
  void syntaxErrorsNameTheLine(String text) {
    assertThatThrownBy(() -> ScenarioLoader.parse("broken.yaml", text))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.line()).isPositive());
  }

  @ParameterizedTest
  @ValueSource(strings = {"good"})
  void theBaseScenarioIsValid(String unused) {
    assertThat(ScenarioLoader.parse("tiny.yaml", GOOD).pools().get(0).vms()).hasSize(1);
  }
}
