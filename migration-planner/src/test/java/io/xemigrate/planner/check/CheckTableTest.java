package io.xemigrate.planner.check;

import static io.xemigrate.planner.fixtures.Inventories.GIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.xemigrate.planner.Finding;
import io.xemigrate.planner.Limits;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Severity;
import io.xemigrate.planner.fixtures.Scenario;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.xapi.model.PowerState;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per check code: a scenario fragment in, the exact code and xapi parameters out. */
class CheckTableTest {

  @Test
  void theBaseScenariosPassEveryCheck() {
    for (Scenario scenario : List.of(Scenario.crossPool(), Scenario.intraPool())) {
      var plan = scenario.plan();
      assertThat(plan.moves())
          .singleElement()
          .satisfies(
              move -> {
                assertThat(move.findings()).isEmpty();
                assertThat(move.verdict()).isEqualTo(Verdict.OK);
              });
    }
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        cross(
            "older xen on the destination",
            s -> s.dst.host("d1").version("xen", "4.13.0"),
            "VM_HOST_INCOMPATIBLE_VERSION_MIGRATE",
            "vm1",
            "d1"),
        intra(
            "older platform inside the pool",
            s -> s.src.host("s2").version("platform_version", "3.2.0"),
            "NOT_SUPPORTED_DURING_UPGRADE"),
        cross(
            "hardware platform version",
            s -> s.src.vm("vm1").hardwareVersion(3),
            "VM_HOST_INCOMPATIBLE_VIRTUAL_HARDWARE_PLATFORM_VERSION",
            "d1",
            "[0; 1; 2]",
            "vm1",
            "3"),
        cross("host disabled", s -> s.dst.host("d1").enabled(false), "HOST_DISABLED", "d1"),
        cross("host not live", s -> s.dst.host("d1").live(false), "HOST_NOT_LIVE"),
        cross(
            "more vCPUs than pCPUs",
            s -> s.src.vm("vm1").vcpus(32),
            "HOST_NOT_ENOUGH_PCPUS",
            "32",
            "16"),
        cross(
            "other CPU vendor",
            s -> s.dst.host("d1").cpu("vendor", "AuthenticAMD"),
            "VM_INCOMPATIBLE_WITH_THIS_HOST",
            "OpaqueRef:NULL",
            "d1",
            CpuFeatures.DIFFERENT_VENDOR),
        cross(
            "CPU features the host lacks",
            s -> s.dst.host("d1").cpu("features_hvm", "0000000f-00000000"),
            "VM_INCOMPATIBLE_WITH_THIS_HOST",
            "OpaqueRef:NULL",
            "d1",
            CpuFeatures.MISSING_FEATURES),
        cross(
            "host without levelling keys",
            s -> s.dst.host("d1").cpu("features_hvm", null),
            "VM_INCOMPATIBLE_WITH_THIS_HOST",
            "OpaqueRef:NULL",
            "d1",
            CpuFeatures.NO_LEVELING_KEYS),
        intra(
            "CPU inside the pool names the VM",
            s -> s.src.host("s2").cpu("vendor", "AuthenticAMD"),
            "VM_INCOMPATIBLE_WITH_THIS_HOST",
            "vm1",
            "s2",
            CpuFeatures.DIFFERENT_VENDOR),
        // 4 GiB VM, 2 vCPUs: (4096 + 1 + 1 + 34 + 1) MiB = 4133 MiB needed.
        cross(
            "not enough memory",
            s -> s.dst.host("d1").memory(4 * GIB, 0),
            "HOST_NOT_ENOUGH_FREE_MEMORY",
            "4333764608",
            "4294967296"),
        cross(
            "memory taken by a resident VM and the host",
            s -> {
              s.dst.host("d1").memory(8 * GIB, GIB);
              s.dst.vm("resident", v -> v.on("d1").memory(3 * GIB));
            },
            "HOST_NOT_ENOUGH_FREE_MEMORY",
            "4333764608",
            String.valueOf(8 * GIB - GIB - 3 * GIB - 40 * 1024 * 1024)),
        cross(
            "disk mapped to an SR the host does not see",
            s -> {
              s.dst.host("d2");
              s.dst.sr("dst-local", sr -> sr.type("ext").on("d2"));
              s.overrides = s.overrides.withSrByVdi(Map.of("disk1", "dst-local"));
              s.overrides = s.overrides.withPinnedHosts(List.of("d1"));
            },
            "VM_REQUIRES_SR",
            "vm1",
            "dst-local"),
        cross(
            "network without a PIF on the host",
            s -> {
              s.dst.host("d2");
              s.dst.network("dst-lan").pifsOn("d2");
              s.dst.network("dst-migration").pifsOn("d1", "d2");
              s.request(new MigrationRequest.MoveVms(List.of("vm1"), "d1"));
            },
            "VM_REQUIRES_NETWORK",
            "vm1",
            "dst-lan"),
        cross(
            "every host refuses for its own reason",
            s -> {
              s.dst.host("d1").enabled(false);
              s.dst.host("d2").live(false);
              s.dst.network("dst-lan").pifsOn("d1", "d2");
              s.dst.network("dst-migration").pifsOn("d1", "d2");
            },
            "NO_HOSTS_AVAILABLE",
            "vm1"),
        cross(
            "no SR takes the disk",
            s -> {
              s.dst.defaultSr("");
              s.dst.sr("dst-nfs").caps("VDI_CREATE");
            },
            "VDI_NOT_IN_MAP",
            "disk1"),
        cross(
            "orphan snapshot disk and no default SR",
            s -> {
              s.dst.defaultSr("");
              s.src.sr("src-archive", sr -> sr.name("Archive").type("ext"));
              s.src.vm("vm1").snapshot("snap1", snap -> snap.disk("old-disk", "src-archive", GIB));
              s.src.sr("src-nfs").name("Shared").type("nfs");
              s.dst.sr("dst-nfs").type("lvmoiscsi");
              s.overrides = s.overrides.withSrByVdi(Map.of("disk1", "dst-nfs"));
            },
            "VDI_NOT_IN_MAP",
            "old-disk"),
        cross(
            "source SR cannot mirror",
            s -> s.src.sr("src-nfs").caps("VDI_SNAPSHOT"),
            "SR_DOES_NOT_SUPPORT_MIGRATION",
            "src-nfs",
            "VDI_MIRROR"),
        cross(
            "destination SR cannot receive",
            s -> {
              s.dst.sr("dst-raw", sr -> sr.type("iscsi").caps("VDI_CREATE"));
              s.overrides = s.overrides.withSrByVdi(Map.of("disk1", "dst-raw"));
            },
            "SR_DOES_NOT_SUPPORT_MIGRATION",
            "dst-raw",
            "VDI_SNAPSHOT;VDI_MIRROR_IN"),
        cross(
            "source LVM SR too full for the mirror snapshot",
            s -> s.src.sr("src-nfs").type("lvmoiscsi").size(100 * GIB, 90 * GIB),
            "SR_SOURCE_SPACE_INSUFFICIENT",
            "src-nfs"),
        cross(
            "destination SR too small",
            s -> {
              s.dst.sr("dst-small", sr -> sr.size(5 * GIB, 0));
              s.overrides = s.overrides.withSrByVdi(Map.of("disk1", "dst-small"));
            },
            "SR_BACKEND_FAILURE_44",
            "",
            "There is insufficient space",
            ""),
        cross(
            "VIF on a network the destination lacks",
            s -> {
              s.src.network("src-dmz", n -> n.name("DMZ").vlan(99).pifsOn("s1"));
              s.src.vm("vm1").vif("vif2", "src-dmz", "aa:00:00:00:00:02");
            },
            "VIF_NOT_IN_MAP",
            "vif2"),
        cross(
            "snapshot-only VIF on a network the destination lacks",
            s -> {
              s.src.network("src-old", n -> n.name("Old").vlan(77));
              s.src
                  .vm("vm1")
                  .snapshot("snap1", snap -> snap.vif("snapvif", "src-old", "aa:00:00:00:00:09"));
            },
            "VIF_NOT_IN_MAP",
            "snapvif"),
        cross(
            "transfer network without a PIF on the host",
            s -> {
              s.dst.network("dst-storage", n -> n.name("Storage"));
              s.overrides = s.overrides.withTransferNetwork("dst-storage");
            },
            "HOST_CANNOT_ATTACH_NETWORK",
            "d1",
            "dst-storage"),
        cross(
            "transfer network PIF without configuration",
            s -> {
              s.dst.network("dst-storage", n -> n.name("Storage").pifsOn("d1").withoutIp("None"));
              s.overrides = s.overrides.withTransferNetwork("dst-storage");
            },
            "PIF_HAS_NO_NETWORK_CONFIGURATION",
            "dst-storage@d1"),
        cross(
            "transfer network PIF without an address",
            s -> {
              s.dst.network("dst-storage", n -> n.name("Storage").pifsOn("d1").withoutIp("DHCP"));
              s.overrides = s.overrides.withTransferNetwork("dst-storage");
            },
            "INTERFACE_HAS_NO_IP",
            "dst-storage@d1"),
        cross(
            "only the management network reaches the hosts",
            s -> {
              s.dst.network("dst-migration").pifsOn();
              s.dst.network("dst-lan").withoutIp("None");
            },
            "TRANSFER_NETWORK_IS_MANAGEMENT",
            "dst-mgmt"),
        cross(
            "migration blocked",
            s -> s.src.vm("vm1").blocked("migrate_send", "backup running"),
            "OPERATION_BLOCKED",
            "vm1",
            "backup running"),
        intra(
            "pool_migrate blocked inside the pool",
            s -> s.src.vm("vm1").blocked("pool_migrate", "pinned"),
            "OPERATION_BLOCKED",
            "vm1",
            "pinned"),
        cross(
            "paused VM",
            s -> s.src.vm("vm1").power(PowerState.PAUSED),
            "VM_BAD_POWER_STATE",
            "vm1",
            "halted, suspended, running",
            "paused"),
        cross(
            "already migrating",
            s -> s.src.vm("vm1").operation("OpaqueRef:t1", "migrate_send"),
            "OTHER_OPERATION_IN_PROGRESS",
            "VM",
            "vm1",
            "migrate_send",
            "OpaqueRef:t1"),
        cross(
            "two operations in progress",
            s ->
                s.src
                    .vm("vm1")
                    .operation("OpaqueRef:a", "snapshot")
                    .operation("OpaqueRef:b", "clean_reboot"),
            "OTHER_OPERATION_IN_PROGRESS",
            "VM",
            "vm1",
            "{snapshot,clean_reboot}",
            "{OpaqueRef:a,OpaqueRef:b}"),
        cross(
            "a template", s -> s.src.vm("vm1").template(), "VM_IS_TEMPLATE", "vm1", "migrate_send"),
        cross(
            "a snapshot",
            s -> {
              s.src.vm("vm1").snapshot("snap1", snap -> {});
              s.request(new MigrationRequest.MoveVms(List.of("snap1"), ""));
            },
            "VM_IS_SNAPSHOT",
            "snap1",
            "migrate_send"),
        cross(
            "a control domain",
            s -> s.src.vm("vm1").controlDomain(),
            "OPERATION_NOT_ALLOWED",
            "This operation is not allowed on a control domain"),
        cross(
            "nested virtualisation",
            s -> s.src.vm("vm1").platform("nested-virt", "true"),
            "VM_IS_IMMOBILE",
            "vm1"),
        cross(
            "guest cannot suspend",
            s -> s.src.vm("vm1").guestOther("data-cant-suspend-reason", "GPU in use"),
            "VM_NON_SUSPENDABLE",
            "vm1",
            "GPU in use"),
        cross("no guest tools", s -> s.src.vm("vm1").noTools(), "VM_LACKS_FEATURE", "vm1"),
        cross("PCI pass-through", s -> s.src.vm("vm1").pci(1), "VM_HAS_PCI_ATTACHED", "vm1"),
        cross("vGPU", s -> s.src.vm("vm1").vgpu("vgpu1"), "VM_HAS_VGPU", "vm1"),
        cross("USB pass-through", s -> s.src.vm("vm1").vusb("vusb1"), "VM_HAS_VUSBS", "vm1"),
        cross(
            "SR-IOV VIF",
            s -> s.src.vm("vm1").vif("vif9", "src-lan", "aa:00:00:00:00:09", true),
            "VM_HAS_SRIOV_VIF",
            "vm1"),
        cross(
            "inserted CD",
            s -> {
              s.src.sr("src-iso", sr -> sr.iso());
              s.src.vm("vm1").cd("iso1", "src-iso");
            },
            "CD_WILL_BE_EJECTED",
            "vm1",
            "iso1"),
        cross(
            "incoming limit",
            s -> {
              s.src.vm("vm2", v -> v.on("s1").disk("disk2", "src-nfs", GIB));
              s.request(new MigrationRequest.MoveVms(List.of("vm1", "vm2"), ""));
              s.overrides = s.overrides.withLimits(new Limits(1, 0.05));
            },
            "HOST_INCOMING_LIMIT_REACHED",
            "d1",
            "1"),
        intra(
            "VIF map inside a pool",
            s -> s.overrides = s.overrides.withNetworkByVif(Map.of("vif1", "src-lan")),
            "VIF_MAP_IGNORED",
            "vm1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void predictsXapisCodeAndParameters(
      String name, Consumer<Scenario> fragment, String code, List<String> params, boolean intra) {
    Scenario scenario = intra ? Scenario.intraPool() : Scenario.crossPool();
    fragment.accept(scenario);

    List<Finding> findings = scenario.findings();

    assertThat(findings)
        .as("findings of '%s'", name)
        .anySatisfy(
            finding -> {
              assertThat(finding.code()).isEqualTo(code);
              assertThat(finding.params()).isEqualTo(params);
              assertThat(finding.message()).isNotBlank();
              assertThat(finding.remedy()).isNotBlank();
            });
  }

  @Test
  void cbtAndEncryptionBlockADiskThatMoves() {
    Scenario scenario = Scenario.crossPool();
    scenario.src.vm(
        "vmc",
        v ->
            v.on("s1")
                .disk("c1", "src-nfs", GIB, d -> d.cbt = true)
                .disk("c2", "src-nfs", GIB, d -> d.encrypted = true));
    scenario.request(new MigrationRequest.MoveVms(List.of("vmc"), ""));

    assertThat(scenario.findings())
        .extracting(Finding::signature)
        .contains("VDI_CBT_ENABLED [c1]", "VDI_IS_ENCRYPTED [c2]");
  }

  @Test
  void aVmBlockedByItselfStillHearsWhatTheHostsSay() {
    Scenario scenario = Scenario.crossPool();
    scenario.src.vm("vm1").noTools();
    scenario.dst.host("d1").enabled(false);

    var move = scenario.plan().moves().get(0);

    assertThat(move.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(move.destinationHostUuid()).isEmpty();
    assertThat(move.findings())
        .extracting(Finding::signature)
        .containsExactly("VM_LACKS_FEATURE [vm1]", "HOST_DISABLED [d1]");
  }

  @Test
  void aBusyVmOnlyWarns() {
    Scenario scenario = Scenario.crossPool();
    scenario.src.vm("vm1").operation("OpaqueRef:t", "snapshot");

    var move = scenario.plan().moves().get(0);

    assertThat(move.verdict()).isEqualTo(Verdict.OK);
    assertThat(move.findings())
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.WARNING);
  }

  private static Arguments cross(
      String name, Consumer<Scenario> fragment, String code, String... params) {
    return arguments(name, fragment, code, List.of(params), false);
  }

  private static Arguments intra(
      String name, Consumer<Scenario> fragment, String code, String... params) {
    return arguments(name, fragment, code, List.of(params), true);
  }
}
