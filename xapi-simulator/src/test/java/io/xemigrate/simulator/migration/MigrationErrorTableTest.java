package io.xemigrate.simulator.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per error code of docs/xapi-behaviour.md#assert-can-migrate and
 * docs/xapi-behaviour.md#lifecycle-checks: each arranges the world so that exactly that check
 * fails, then expects the code with xapi's parameters.
 */
class MigrationErrorTableTest {
  private final TestPools world = new TestPools();

  @AfterEach
  void close() {
    world.close();
  }

  /** A migration about to be attempted; rows change the world and the arguments. */
  static final class Case {
    final TestPools world;
    final TestPools.Pool a;
    final TestPools.Pool b;
    final String vm;
    Map<String, Object> dest;
    final Map<String, Object> vdiMap;
    final Map<String, Object> vifMap;
    final Map<String, Object> options = new HashMap<>();

    Case(TestPools world) {
      this.world = world;
      this.a = world.source;
      this.b = world.destination;
      this.vm = a.vm("subject", a.hosts.get(1), 4, 10);
      this.dest = world.migrateReceive(1);
      this.vdiMap = world.vdiMapToDestination(vm);
      this.vifMap = world.vifMapToDestination(vm);
    }

    XapiRecord vmRecord() {
      return a.get(XapiClass.VM, vm);
    }

    String vdi() {
      return vdiMap.keySet().iterator().next();
    }

    String destHost() {
      return b.hosts.get(1);
    }

    /** Turns the move into an intra-pool one, to host 2 of the source pool. */
    void intraPool() {
      dest =
          ImmutableMap.of(
              "host", a.hosts.get(2),
              "session_id", a.session,
              "xenops", "http://10.0.1.12/services/xenops",
              "SM", "http://10.0.1.12/services/SM",
              "master", "http://10.0.1.10");
      vdiMap.replaceAll((vdi, sr) -> a.sharedSr);
      vifMap.clear();
    }

    String child(XapiClass cls, Map<String, Object> fields) {
      Map<String, Object> all = new HashMap<>(fields);
      all.put("uuid", TestPools.uuid());
      return a.store.create(cls, all);
    }
  }

  @FunctionalInterface
  interface Arrange {
    List<String> apply(Case c);
  }

  static Stream<Arguments> assertCanMigrateRows() {
    return Stream.of(
        row(
            "LICENCE_RESTRICTION",
            c -> {
              c.a.set(
                  XapiClass.POOL,
                  c.a.store.all(XapiClass.POOL).get(0).ref(),
                  "restrictions",
                  ImmutableMap.of("restrict_storage_motion", "true"));
              return List.of("LICENCE_RESTRICTION", "Storage_motion");
            }),
        row(
            "VDI_NOT_IN_MAP",
            c -> {
              String vdi = c.vdi();
              c.vdiMap.remove(vdi);
              return List.of("VDI_NOT_IN_MAP", vdi);
            }),
        row(
            "NOT_SUPPORTED_DURING_UPGRADE",
            c -> {
              c.intraPool();
              c.a.set(
                  XapiClass.HOST,
                  c.a.hosts.get(2),
                  "software_version",
                  ImmutableMap.of(
                      "platform_version", "3.3.0", "xapi_build", "25.6.0", "xen", "4.17.5-20"));
              return List.of("NOT_SUPPORTED_DURING_UPGRADE");
            }),
        row(
            "OPERATION_NOT_ALLOWED (intra-pool VIF map)",
            c -> {
              c.intraPool();
              c.vifMap.put(c.vmRecord().strings("VIFs").get(0), c.a.network);
              return List.of(
                  "OPERATION_NOT_ALLOWED",
                  "VIF mapping is not allowed for intra-pool migration -all VIFs must be on the same"
                      + " network");
            }),
        row(
            "VM_INCOMPATIBLE_WITH_THIS_HOST (intra-pool)",
            c -> {
              c.intraPool();
              c.a.set(
                  XapiClass.HOST,
                  c.a.hosts.get(2),
                  "cpu_info",
                  ImmutableMap.of(
                      "cpu_count",
                      "32",
                      "vendor",
                      "AuthenticAMD",
                      "features_hvm",
                      TestPools.FEATURES,
                      "features_pv",
                      TestPools.FEATURES));
              return List.of(
                  "VM_INCOMPATIBLE_WITH_THIS_HOST",
                  c.vm,
                  c.a.hosts.get(2),
                  CpuCompatibility.OTHER_VENDOR);
            }),
        row(
            "SR_DOES_NOT_SUPPORT_MIGRATION (source SR)",
            c -> {
              c.a.set(XapiClass.VDI, c.vdi(), "SR", c.a.iscsiSr);
              return List.of("SR_DOES_NOT_SUPPORT_MIGRATION", c.a.iscsiSr, "VDI_MIRROR");
            }),
        row(
            "SR_DOES_NOT_SUPPORT_MIGRATION (destination SR)",
            c -> {
              c.vdiMap.put(c.vdi(), c.b.iscsiSr);
              return List.of("SR_DOES_NOT_SUPPORT_MIGRATION", c.b.iscsiSr, "VDI_MIRROR_IN");
            }),
        row(
            "VM_HOST_INCOMPATIBLE_VERSION_MIGRATE",
            c -> {
              c.b.set(
                  XapiClass.HOST,
                  c.destHost(),
                  "software_version",
                  ImmutableMap.of(
                      "platform_version", "3.4.0", "xapi_build", "25.6.0", "xen", "4.17.4"));
              return List.of("VM_HOST_INCOMPATIBLE_VERSION_MIGRATE", c.vm, c.destHost());
            }),
        row(
            "VM_BAD_POWER_STATE (copy of a running VM)",
            c -> {
              c.options.put("copy", "true");
              return List.of("VM_BAD_POWER_STATE", c.vm, "halted", "running");
            }),
        row(
            "VM_HOST_INCOMPATIBLE_VIRTUAL_HARDWARE_PLATFORM_VERSION",
            c -> {
              c.a.set(XapiClass.VM, c.vm, "hardware_platform_version", 3L);
              return List.of(
                  "VM_HOST_INCOMPATIBLE_VIRTUAL_HARDWARE_PLATFORM_VERSION",
                  c.destHost(),
                  "[0; 1; 2]",
                  c.vm,
                  "3");
            }),
        row(
            "HOST_DISABLED",
            c -> {
              c.b.set(XapiClass.HOST, c.destHost(), "enabled", false);
              return List.of("HOST_DISABLED", c.destHost());
            }),
        row(
            "HOST_NOT_ENOUGH_PCPUS",
            c -> {
              c.a.set(XapiClass.VM, c.vm, "VCPUs_max", 64L);
              return List.of("HOST_NOT_ENOUGH_PCPUS", "64", "32");
            }),
        row(
            "VIF_NOT_IN_MAP",
            c -> {
              c.vifMap.clear();
              return List.of("VIF_NOT_IN_MAP", c.vmRecord().strings("VIFs").get(0));
            }),
        row(
            "DUPLICATE_MAC_SEED",
            c -> {
              c.a.set(XapiClass.VM, c.vm, "other_config", ImmutableMap.of("mac_seed", "seed-1"));
              c.b.store.create(
                  XapiClass.VM,
                  ImmutableMap.of(
                      "uuid",
                      TestPools.uuid(),
                      "other_config",
                      ImmutableMap.of("mac_seed", "seed-1")));
              return List.of("DUPLICATE_MAC_SEED", "seed-1");
            }),
        row(
            "VM_BAD_POWER_STATE (same UUID running at the destination)",
            c -> {
              String twin =
                  c.b.store.create(
                      XapiClass.VM,
                      ImmutableMap.of("uuid", c.vmRecord().uuid(), "power_state", "Running"));
              return List.of("VM_BAD_POWER_STATE", twin, "Halted", "Running");
            }),
        row(
            "VM_TO_IMPORT_IS_NOT_NEWER_VERSION",
            c -> {
              c.a.set(XapiClass.VM, c.vm, "version", 4L);
              String twin =
                  c.b.store.create(
                      XapiClass.VM, ImmutableMap.of("uuid", c.vmRecord().uuid(), "version", 5L));
              return List.of("VM_TO_IMPORT_IS_NOT_NEWER_VERSION", twin, "5", "4");
            }),
        row(
            "HOST_NOT_ENOUGH_FREE_MEMORY",
            c -> {
              XapiRecord host = c.b.get(XapiClass.HOST, c.destHost());
              c.b.set(
                  XapiClass.HOST_METRICS,
                  host.string("metrics"),
                  "memory_total",
                  3 * TestPools.GIB);
              long needed =
                  MemoryArithmetic.needed(
                      new MemoryArithmetic.VmMemory(
                          "hvm", 4 * TestPools.GIB, 4 * TestPools.GIB, 2, 1.0),
                      MemoryArithmetic.Policy.DYNAMIC_MIN);
              return List.of(
                  "HOST_NOT_ENOUGH_FREE_MEMORY",
                  Long.toString(needed),
                  Long.toString(2 * TestPools.GIB));
            }),
        row(
            "VM_INCOMPATIBLE_WITH_THIS_HOST (cross-pool dry run)",
            c -> {
              c.a.set(
                  XapiClass.VM,
                  c.vm,
                  "last_boot_CPU_flags",
                  ImmutableMap.of("vendor", "GenuineIntel", "features", "ffffffff-f6f83203"));
              return List.of(
                  "VM_INCOMPATIBLE_WITH_THIS_HOST",
                  Refs.NULL,
                  c.destHost(),
                  CpuCompatibility.MISSING_FEATURES);
            }),
        row(
            "CANNOT_CONTACT_HOST",
            c -> {
              String uuid = c.b.get(XapiClass.HOST, c.destHost()).uuid();
              c.world.service.inject(new Fault(FaultKind.REFUSE_CONNECTIONS, uuid, 60, 1, 0));
              return List.of("CANNOT_CONTACT_HOST", "10.0.2.11");
            }),
        row(
            "VDI_CBT_ENABLED",
            c -> {
              c.a.set(XapiClass.VDI, c.vdi(), "cbt_enabled", true);
              return List.of("VDI_CBT_ENABLED", c.vdi());
            }),
        row(
            "VDI_IS_ENCRYPTED",
            c -> {
              c.a.set(XapiClass.VDI, c.vdi(), "sm_config", ImmutableMap.of("key_hash", "abc"));
              return List.of("VDI_IS_ENCRYPTED", c.vdi());
            }));
  }

  static Stream<Arguments> lifecycleRows() {
    return Stream.of(
        row(
            "OPERATION_BLOCKED",
            c -> {
              c.a.set(
                  XapiClass.VM,
                  c.vm,
                  "blocked_operations",
                  ImmutableMap.of("migrate_send", "maintenance window"));
              return List.of("OPERATION_BLOCKED", c.vm, "maintenance window");
            }),
        row(
            "VM_BAD_POWER_STATE (paused)",
            c -> {
              c.a.set(XapiClass.VM, c.vm, "power_state", "Paused");
              return List.of("VM_BAD_POWER_STATE", c.vm, "halted, suspended, running", "paused");
            }),
        row(
            "VM_IS_TEMPLATE",
            c -> {
              c.a.store.update(
                  XapiClass.VM,
                  c.vm,
                  ImmutableMap.of("is_a_template", true, "is_default_template", true));
              return List.of("VM_IS_TEMPLATE", c.vm, "migrate_send");
            }),
        row(
            "VM_IS_SNAPSHOT",
            c -> {
              c.a.set(XapiClass.VM, c.vm, "is_a_snapshot", true);
              return List.of("VM_IS_SNAPSHOT", c.vm, "migrate_send");
            }),
        row(
            "VM_IS_IMMOBILE",
            c -> {
              c.a.set(XapiClass.VM_METRICS, c.vmRecord().string("metrics"), "nomigrate", true);
              return List.of("VM_IS_IMMOBILE", c.vm);
            }),
        row(
            "OPERATION_NOT_ALLOWED (control domain)",
            c -> {
              c.a.set(XapiClass.VM, c.vm, "is_control_domain", true);
              return List.of(
                  "OPERATION_NOT_ALLOWED", "This operation is not allowed on a control domain");
            }),
        row(
            "VM_NON_SUSPENDABLE",
            c -> {
              c.a.set(
                  XapiClass.VM_GUEST_METRICS,
                  c.vmRecord().string("guest_metrics"),
                  "other",
                  ImmutableMap.of("data-cant-suspend-reason", "vGPU in use"));
              return List.of("VM_NON_SUSPENDABLE", c.vm, "vGPU in use");
            }),
        row(
            "VM_LACKS_FEATURE",
            c -> {
              c.a.set(
                  XapiClass.VM_GUEST_METRICS,
                  c.vmRecord().string("guest_metrics"),
                  "PV_drivers_detected",
                  false);
              return List.of("VM_LACKS_FEATURE", c.vm);
            }),
        row(
            "VM_HAS_PCI_ATTACHED",
            c -> {
              String pci = c.child(XapiClass.PCI, ImmutableMap.of("pci_id", "0000:81:00.0"));
              c.a.set(XapiClass.VM, c.vm, "attached_PCIs", ImmutableList.of(pci));
              return List.of("VM_HAS_PCI_ATTACHED", c.vm);
            }),
        row(
            "NVIDIA SR-IOV function is no attached PCI: VM_HAS_VGPU",
            c -> {
              String function = c.child(XapiClass.PCI, ImmutableMap.of("pci_id", "0000:c1:00.4"));
              sriovVgpu(c, function);
              c.a.set(XapiClass.VM, c.vm, "attached_PCIs", ImmutableList.of(function));
              return List.of("VM_HAS_VGPU", c.vm);
            }),
        row(
            "VM_HAS_PCI_ATTACHED beside an NVIDIA SR-IOV function",
            c -> {
              String function = c.child(XapiClass.PCI, ImmutableMap.of("pci_id", "0000:c1:00.4"));
              String device = c.child(XapiClass.PCI, ImmutableMap.of("pci_id", "0000:81:00.0"));
              sriovVgpu(c, function);
              c.a.set(XapiClass.VM, c.vm, "attached_PCIs", ImmutableList.of(function, device));
              return List.of("VM_HAS_PCI_ATTACHED", c.vm);
            }),
        row(
            "VM_HAS_VGPU",
            c -> {
              c.child(XapiClass.VGPU, ImmutableMap.of("VM", c.vm));
              return List.of("VM_HAS_VGPU", c.vm);
            }),
        row(
            "VM_HAS_VUSBS",
            c -> {
              c.child(XapiClass.VUSB, ImmutableMap.of("VM", c.vm));
              return List.of("VM_HAS_VUSBS", c.vm);
            }),
        row(
            "VDI_ON_BOOT_MODE_INCOMPATIBLE_WITH_OPERATION (sender S4)",
            c -> {
              c.a.set(XapiClass.VDI, c.vdi(), "on_boot", "reset");
              return List.of("VDI_ON_BOOT_MODE_INCOMPATIBLE_WITH_OPERATION", c.vdi());
            }));
  }

  /** A vGPU of implementation {@code nvidia_sriov} whose virtual function is {@code function}. */
  private static void sriovVgpu(Case c, String function) {
    String type = c.child(XapiClass.VGPU_TYPE, ImmutableMap.of("implementation", "nvidia_sriov"));
    c.child(XapiClass.VGPU, ImmutableMap.of("VM", c.vm, "type", type, "PCI", function));
  }

  private static Arguments row(String name, Arrange arrange) {
    return Arguments.of(name, arrange);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assertCanMigrateRows")
  void assertCanMigrateAnswersLikeXapi(String name, Arrange arrange) {
    Case c = new Case(world);
    List<String> expected = arrange.apply(c);

    XapiException error =
        catchThrowableOfType(
            XapiException.class,
            () ->
                c.a.call(
                    "VM.assert_can_migrate",
                    c.vm,
                    c.dest,
                    true,
                    c.vdiMap,
                    c.vifMap,
                    c.options,
                    ImmutableMap.of()));

    assertThat(error).as(name).isNotNull();
    assertThat(error.description()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lifecycleRows")
  void migrateSendRefusesLikeXapi(String name, Arrange arrange) {
    Case c = new Case(world);
    List<String> expected = arrange.apply(c);

    XapiException error =
        catchThrowableOfType(
            XapiException.class,
            () ->
                c.a.call(
                    "VM.migrate_send",
                    c.vm,
                    c.dest,
                    true,
                    c.vdiMap,
                    c.vifMap,
                    c.options,
                    ImmutableMap.of()));

    assertThat(error).as(name).isNotNull();
    assertThat(error.description()).isEqualTo(expected);
    assertThat(c.b.store.findByUuid(XapiClass.VM, c.vmRecord().uuid())).isEmpty();
  }
}
