package io.xemigrate.planner.check;

import static io.xemigrate.planner.fixtures.Inventories.GIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.Finding;
import io.xemigrate.planner.fixtures.Scenario;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * xapi's verdicts are exact at their limits: each check is held at exactly the limit (it passes)
 * and one unit beyond (it blocks). The base VM has 4 GiB, 2 vCPUs and a 20 GiB disk; every host has
 * 16 pCPUs and the same software versions.
 */
class BoundaryTest {
  /** What the base VM needs on a host: 4096 + 1 + 1 + 34 + 1 MiB (see CheckTableTest). */
  private static final long NEEDED = 4333764608L;

  private static List<String> codes(Consumer<Scenario> fragment) {
    Scenario scenario = Scenario.crossPool();
    fragment.accept(scenario);
    return scenario.findings().stream().map(Finding::code).toList();
  }

  @Test
  void vcpusEqualToPcpusFit() {
    assertThat(codes(s -> s.src.vm("vm1").vcpus(16))).doesNotContain("HOST_NOT_ENOUGH_PCPUS");
    assertThat(codes(s -> s.src.vm("vm1").vcpus(17))).contains("HOST_NOT_ENOUGH_PCPUS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "TRUE", "True"})
  void vcpuUnrestrictedLiftsTheLimit(String value) {
    assertThat(codes(s -> s.src.vm("vm1").vcpus(17).platform("vcpu-unrestricted", value)))
        .doesNotContain("HOST_NOT_ENOUGH_PCPUS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"on", "yes", "0", "false", ""})
  void otherValuesOfVcpuUnrestrictedDoNot(String value) {
    assertThat(codes(s -> s.src.vm("vm1").vcpus(17).platform("vcpu-unrestricted", value)))
        .contains("HOST_NOT_ENOUGH_PCPUS");
  }

  @Test
  void aHostOfUnknownSizeIsNotCounted() {
    assertThat(codes(s -> s.src.vm("vm1").vcpus(17).platform("x", "y")))
        .contains("HOST_NOT_ENOUGH_PCPUS");
    assertThat(
            codes(
                s -> {
                  s.src.vm("vm1").vcpus(17);
                  s.dst.host("d1").cpus(0);
                }))
        .doesNotContain("HOST_NOT_ENOUGH_PCPUS");
  }

  @Test
  void freeMemoryEqualToWhatIsNeededFits() {
    assertThat(codes(s -> s.dst.host("d1").memory(NEEDED, 0)))
        .doesNotContain("HOST_NOT_ENOUGH_FREE_MEMORY");
    assertThat(codes(s -> s.dst.host("d1").memory(NEEDED - 1, 0)))
        .contains("HOST_NOT_ENOUGH_FREE_MEMORY");
  }

  @Test
  void equalVersionsAreNotOlder() {
    assertThat(codes(s -> s.dst.host("d1").version("xen", "4.17.5-13")))
        .doesNotContain("VM_HOST_INCOMPATIBLE_VERSION_MIGRATE");
    assertThat(codes(s -> s.dst.host("d1").version("xen", "4.17.5-12")))
        .contains("VM_HOST_INCOMPATIBLE_VERSION_MIGRATE");
    assertThat(codes(s -> s.dst.host("d1").version("xapi_build", "24.19.1")))
        .contains("VM_HOST_INCOMPATIBLE_VERSION_MIGRATE");
    assertThat(codes(s -> s.dst.host("d1").version("platform_version", "3.3.9")))
        .contains("VM_HOST_INCOMPATIBLE_VERSION_MIGRATE");
  }

  @ParameterizedTest
  @CsvSource({
    "4.17.5-13, 4.17.5-13, 0",
    "4.17.5, 4.17.5-0, 0",
    "4.17.5-0, 4.17.5, 0",
    "4.17.5-13, 4.17.5-12, 1",
    "4.17.5-12, 4.17.5-13, -1",
    "4.17.5, 4.17.5-1, -1",
    "4.17.5-1, 4.17.5, 1",
    "4.18, 4.17.9, 1",
    "99999999999999999999, 1, 1"
  })
  void versionsCompareNumberByNumber(String a, String b, int sign) {
    assertThat(Integer.signum(Versions.compare(a, b))).isEqualTo(sign);
  }

  @Test
  void aKeyMissingOnEitherSideIsNotCompared() {
    assertThat(codes(s -> s.dst.host("d1").version("xen", null)))
        .doesNotContain("VM_HOST_INCOMPATIBLE_VERSION_MIGRATE");
    assertThat(codes(s -> s.src.host("s1").version("xen", null)))
        .doesNotContain("VM_HOST_INCOMPATIBLE_VERSION_MIGRATE");
  }

  @Test
  void sourceFreeSpaceEqualToTheDiskFits() {
    assertThat(codes(s -> s.src.sr("src-nfs").type("lvmoiscsi").size(100 * GIB, 80 * GIB)))
        .doesNotContain("SR_SOURCE_SPACE_INSUFFICIENT");
    assertThat(codes(s -> s.src.sr("src-nfs").type("lvmoiscsi").size(100 * GIB, 80 * GIB + 1)))
        .contains("SR_SOURCE_SPACE_INSUFFICIENT");
  }

  @Test
  void destinationFreeSpaceEqualToTheDiskFits() {
    assertThat(
            codes(
                s -> {
                  s.dst.sr("dst-exact", sr -> sr.type("lvmoiscsi").size(20 * GIB, 0));
                  s.overrides = s.overrides.withSrByVdi(Map.of("disk1", "dst-exact"));
                }))
        .doesNotContain("SR_BACKEND_FAILURE_44");
    assertThat(
            codes(
                s -> {
                  s.dst.sr("dst-short", sr -> sr.type("lvmoiscsi").size(20 * GIB, 1));
                  s.overrides = s.overrides.withSrByVdi(Map.of("disk1", "dst-short"));
                }))
        .contains("SR_BACKEND_FAILURE_44");
  }
}
