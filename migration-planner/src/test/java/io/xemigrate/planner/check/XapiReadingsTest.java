package io.xemigrate.planner.check;

import static io.xemigrate.planner.fixtures.Inventories.GIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.Finding;
import io.xemigrate.planner.fixtures.Scenario;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the checks read what xapi reads: immobility from VM_metrics while it exists, booleans of
 * {@code platform}, the memory arithmetic per domain type, CPU feature words of unequal length, and
 * which disk findings belong to snapshots.
 */
class XapiReadingsTest {
  private static final long MIB = 1L << 20;

  private static List<Finding> findings(Consumer<Scenario> fragment) {
    Scenario scenario = Scenario.crossPool();
    fragment.accept(scenario);
    return scenario.findings();
  }

  private static List<String> codes(Consumer<Scenario> fragment) {
    return findings(fragment).stream().map(Finding::code).toList();
  }

  @Test
  void immobilityComesFromTheMetricsWhileTheyExist() {
    assertThat(codes(s -> s.src.vm("vm1").startFlags(true, false))).contains("VM_IS_IMMOBILE");
    assertThat(codes(s -> s.src.vm("vm1").startFlags(false, true))).contains("VM_IS_IMMOBILE");
    assertThat(codes(s -> s.src.vm("vm1").startFlags(false, false).platform("nomigrate", "true")))
        .doesNotContain("VM_IS_IMMOBILE");
  }

  /**
   * xapi counts only the attached PCI devices that are no NVIDIA SR-IOV vGPU's virtual function;
   * the client's {@code attachedPciCount} leaves those out, so a VM whose one attached device is
   * its vGPU's function is refused for the vGPU (while running), never for PCI pass-through.
   */
  @Test
  void anSriovVgpusFunctionIsNoPassedThroughPci() {
    assertThat(codes(s -> s.src.vm("vm1").vgpu("vgpu1").pci(0)))
        .contains("VM_HAS_VGPU")
        .doesNotContain("VM_HAS_PCI_ATTACHED");
    assertThat(codes(s -> s.src.vm("vm1").vgpu("vgpu1").pci(1)))
        .containsSubsequence("VM_HAS_PCI_ATTACHED", "VM_HAS_VGPU");
  }

  @Test
  void theFlagThatPinsTheVmIsNamed() {
    assertThat(findings(s -> s.src.vm("vm1").startFlags(false, true)))
        .filteredOn(finding -> finding.code().equals("VM_IS_IMMOBILE"))
        .singleElement()
        .satisfies(finding -> assertThat(finding.message()).contains("nested-virt"));
  }

  @Test
  void aVmOfTheSameUuidRunningInTheDestinationIsRefusedByTheDryRunImport() {
    assertThat(findings(s -> s.dst.vm("vm1", v -> v.on("d1"))))
        .filteredOn(finding -> finding.code().equals("VM_BAD_POWER_STATE"))
        .singleElement()
        .satisfies(
            finding -> assertThat(finding.params()).containsExactly("vm1", "Halted", "Running"));
    assertThat(codes(s -> s.dst.vm("vm1", v -> v.power(PowerState.HALTED))))
        .doesNotContain("VM_BAD_POWER_STATE");
  }

  @Test
  void aSnapshotsVifIsReportedOnceAsTheSnapshots() {
    List<Finding> vifs =
        findings(
                s -> {
                  s.src.network("src-old", n -> n.name("Old").vlan(77));
                  s.src
                      .vm("vm1")
                      .snapshot(
                          "snap1", snap -> snap.vif("snapvif", "src-old", "aa:00:00:00:00:09"));
                  s.src.network("src-dmz", n -> n.name("DMZ").vlan(99).pifsOn("s1"));
                  s.src.vm("vm1").vif("vif2", "src-dmz", "aa:00:00:00:00:02");
                })
            .stream()
            .filter(finding -> finding.code().equals("VIF_NOT_IN_MAP"))
            .toList();

    assertThat(vifs)
        .extracting(Finding::params)
        .containsExactly(List.of("vif2"), List.of("snapvif"));
    assertThat(vifs.get(0).message()).startsWith("VIF aa:00:00:00:00:02 of vm1");
    assertThat(vifs.get(0).remedy()).endsWith("or create a matching network.");
    assertThat(vifs.get(0).objects()).containsExactly("vm1", "vif2", "src-dmz");
    assertThat(vifs.get(1).message()).startsWith("A snapshot of vm1 has VIF aa:00:00:00:00:09");
    assertThat(vifs.get(1).remedy()).endsWith("or delete the snapshot.");
    assertThat(vifs.get(1).objects()).containsExactly("vm1", "snap1", "snapvif");
  }

  @ParameterizedTest
  @CsvSource({
    "nomigrate, true, true",
    "nomigrate, 1, true",
    "nomigrate, TRUE, true",
    "nested-virt, 1, true",
    "nomigrate, on, false",
    "nested-virt, on, false",
    "nomigrate, 0, false"
  })
  void withoutMetricsPlatformDecides(String key, String value, boolean immobile) {
    List<String> codes = codes(s -> s.src.vm("vm1").platform(key, value));
    assertThat(codes.contains("VM_IS_IMMOBILE")).isEqualTo(immobile);
  }

  @ParameterizedTest
  @CsvSource({
    // domain type, intra-pool, MiB: target (dynamic_min 2048 or static_max 4096) + overhead
    "hvm, false, 2085",
    "hvm, true, 2085",
    "pv, false, 2084",
    "pvh, false, 2085",
    "pv_in_pvh, false, 2153",
    "pv_in_pvh, true, 4201"
  })
  void memoryNeededPerDomainType(String domainType, boolean intraPool, long mib) {
    Vm vm =
        Vm.builder("vm")
            .memory(new Vm.Memory(GIB, 2 * GIB, 3 * GIB, 4 * GIB, 0))
            .vcpusMax(2)
            .domainType(domainType)
            .build();

    assertThat(MemoryArithmetic.needed(vm, intraPool)).isEqualTo(mib * MIB);
  }

  @Test
  void aShorterVmFeatureSetIsPaddedWithZeros() {
    assertThat(CpuFeatures.isSubset("0000000f", "ffffffff-ffffffff")).isTrue();
    assertThat(CpuFeatures.isSubset("0000000f-00000001", "ffffffff")).isTrue();
    assertThat(CpuFeatures.isSubset("0000001f", "0000000f-ffffffff")).isFalse();
  }

  @Test
  void anUnmappedSnapshotDiskIsReportedOnceAndSaysWhetherThePoolHasADefault() {
    Consumer<Scenario> orphan =
        s -> {
          s.src.sr("src-archive", sr -> sr.name("Archive").type("ext"));
          s.src.vm("vm1").snapshot("snap1", snap -> snap.disk("old-disk", "src-archive", GIB));
          s.dst.sr("dst-nfs").type("lvmoiscsi");
          s.overrides = s.overrides.withSrByVdi(Map.of("disk1", "dst-nfs"));
        };

    List<Finding> withoutDefault =
        findings(orphan.andThen(s -> s.dst.defaultSr(""))).stream()
            .filter(finding -> finding.code().equals("VDI_NOT_IN_MAP"))
            .toList();

    assertThat(withoutDefault)
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.params()).containsExactly("old-disk");
              assertThat(finding.message()).contains("the destination pool has no default SR");
            });
  }

  @Test
  void theChecksThatReadOnlyTheDiskMapSaySo() {
    // Placement reuses their verdict for every host that yields the same disk map.
    for (HostCheck check :
        List.of(
            new DiskMapCheck(),
            new SnapshotDiskCheck(),
            new MovingDiskCheck(),
            new SourceSpaceCheck(),
            new DestinationSpaceCheck(),
            new SrCapabilityCheck(),
            new BlockedOperationCheck())) {
      assertThat(check.readsOnlyTheDiskMap()).as(check.getClass().getSimpleName()).isTrue();
    }
    assertThat(new PcpuCheck().readsOnlyTheDiskMap()).isFalse();
  }
}
