package io.xemigrate.simulator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PureChecksTest {
  private static final long MIB = 1L << 20;

  @Test
  void anHvmVmNeedsItsDynamicMinimumPlusShadowAndVcpuOverhead() {
    var vm = new MemoryArithmetic.VmMemory("hvm", 4096 * MIB, 4096 * MIB, 2, 1.0);
    // shadow = ceil((256·2 + 2·4096) / 256) = 34; vCPUs ceil(76/256) = 1; extra 1 + 1.
    assertThat(MemoryArithmetic.needed(vm, MemoryArithmetic.Policy.STANDARD))
        .isEqualTo((4096 + 34 + 1 + 2) * MIB);
  }

  @Test
  void pvInPvhNeedsStaticMaxAndAShimExceptInTheCrossPoolDryRun() {
    var vm = new MemoryArithmetic.VmMemory("pv_in_pvh", 1024 * MIB, 2048 * MIB, 1, 1.0);
    long overhead = 1 + 1 + 17 + 1 + (23 + 2048 / 90);
    assertThat(MemoryArithmetic.needed(vm, MemoryArithmetic.Policy.STANDARD))
        .isEqualTo((2048 + overhead) * MIB);
    assertThat(MemoryArithmetic.needed(vm, MemoryArithmetic.Policy.DYNAMIC_MIN))
        .isEqualTo((1024 + overhead) * MIB);
  }

  @Test
  void availableMemoryIsClampedAtZero() {
    assertThat(MemoryArithmetic.available(8 * 1024 * MIB, 512 * MIB, 10_000 * MIB)).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "GenuineIntel, 0000000f-00000001, GenuineIntel, 0000000f-00000003, ''",
    "GenuineIntel, 0000000f-00000004, GenuineIntel, 0000000f-00000003, MISSING",
    "AuthenticAMD, 0000000f, GenuineIntel, 0000000f, VENDOR",
    // The VM's extra words are truncated to the host's word count.
    "GenuineIntel, 0000000f-ffffffff, GenuineIntel, 0000000f, ''",
  })
  void cpuFlagsAreComparedAsXapiDoes(
      String vmVendor, String vmFeatures, String hostVendor, String hostFeatures, String verdict) {
    var reason =
        CpuCompatibility.incompatibility(
            false,
            "hvm",
            ImmutableMap.of("vendor", vmVendor, "features", vmFeatures),
            ImmutableMap.of("vendor", hostVendor, "features_hvm", hostFeatures));
    switch (verdict) {
      case "" -> assertThat(reason).isEmpty();
      case "MISSING" -> assertThat(reason).contains(CpuCompatibility.MISSING_FEATURES);
      case "VENDOR" -> assertThat(reason).contains(CpuCompatibility.OTHER_VENDOR);
      default -> throw new AssertionError(verdict);
    }
  }

  @Test
  void aHaltedVmSkipsTheCpuCheckAndAHostWithoutKeysIsReported() {
    assertThat(
            CpuCompatibility.incompatibility(
                true, "hvm", ImmutableMap.of("vendor", "x"), ImmutableMap.of()))
        .isEmpty();
    assertThat(
            CpuCompatibility.incompatibility(
                false, "pv", ImmutableMap.of(), ImmutableMap.of("vendor", "GenuineIntel")))
        .contains(CpuCompatibility.NO_LEVELLING_KEYS);
  }

  @Test
  void theDestinationMustNotBeOlderOnAnyOfTheThreeKeys() {
    var source =
        ImmutableMap.of("platform_version", "3.4.0", "xapi_build", "25.6.0", "xen", "4.17.5-20");
    var newer =
        ImmutableMap.of("platform_version", "3.4.0", "xapi_build", "25.6.1", "xen", "4.17.5-20");
    var olderXen =
        ImmutableMap.of("platform_version", "3.4.0", "xapi_build", "25.6.1", "xen", "4.17.5-3");

    assertThat(SoftwareVersions.destinationNotOlder(source, newer)).isTrue();
    assertThat(SoftwareVersions.destinationNotOlder(source, source)).isTrue();
    assertThat(SoftwareVersions.destinationNotOlder(source, olderXen)).isFalse();
  }
}
