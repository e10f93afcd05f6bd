package io.xemigrate.tests.crosscheck;

import static io.xemigrate.tests.crosscheck.CrossCheckRow.XapiCall.ASSERT_CAN_MIGRATE;
import static io.xemigrate.tests.crosscheck.CrossCheckRow.XapiCall.MIGRATE_RECEIVE;
import static io.xemigrate.tests.crosscheck.CrossCheckRow.XapiCall.MIGRATE_SEND;
import static io.xemigrate.tests.crosscheck.CrossCheckRow.XapiCall.POOL_MIGRATE;
import static io.xemigrate.tests.crosscheck.CrossCheckRow.cross;
import static io.xemigrate.tests.crosscheck.CrossCheckRow.intra;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5's cross-check: for every blocker code of the planner, a scenario makes the planner
 * predict it, and the independent simulator, asked over HTTPS through xapi-client, refuses the same
 * move with the same code and the same parameters (references mapped to UUIDs, see {@link
 * CrossCheckWorld#normalise}). Codes that cannot be held against the simulator are in {@link
 * #NOT_CROSS_CHECKED} with the reason; {@link #everyCodeIsCrossCheckedOrListed} keeps both lists
 * complete.
 */
class PlannerAgreesWithSimulatorTest {
  private static CrossCheckWorld world;
  private static XapiVerdicts verdicts;

  /** Codes without a row, and why. */
  static final Map<String, String> NOT_CROSS_CHECKED =
      ImmutableMap.<String, String>builder()
          .put(
              Codes.NO_HOSTS_AVAILABLE,
              "planner's summary over all candidate hosts; assert_can_migrate judges one host")
          .put(
              Codes.SR_SOURCE_SPACE_INSUFFICIENT,
              "planner's own code (xapi fails later, in SM, when the mirror snapshot does not fit);"
                  + " the simulator does not model SR space")
          .put(
              Codes.SR_BACKEND_FAILURE_44,
              "raised by the SM driver during migrate_send, not by a check; the simulator does"
                  + " not model SR space")
          .put(
              Codes.OTHER_OPERATION_IN_PROGRESS,
              "a warning unless the VM is already migrating; xapi (and the simulator) make the"
                  + " call wait instead of refusing, which needs a migration in flight")
          .put(Codes.VM_HAS_SRIOV_VIF, "the simulator models no SR-IOV VIFs")
          .put(Codes.CD_WILL_BE_EJECTED, "planner's own warning; xapi ejects without an error")
          .put(Codes.TRANSFER_NETWORK_IS_MANAGEMENT, "planner's own warning")
          .put(Codes.HOST_INCOMING_LIMIT_REACHED, "planner's own limit; xapi has no such limit")
          .put(Codes.AFFINITY_UNMET, "balancing's own finding; xapi has no affinity groups")
          .put(Codes.ANTI_AFFINITY_UNMET, "balancing's own finding; xapi has no affinity groups")
          .put(Codes.BALANCE_MAX_MOVES_REACHED, "balancing's own limit (max-moves=)")
          .put(Codes.BALANCE_RULE_UNKNOWN_NAME, "balancing's rules file; nothing xapi checks")
          .put(Codes.BALANCE_THRESHOLD_UNMET, "balancing's own thresholds; xapi has none")
          .put(
              Codes.VIF_MAP_IGNORED,
              "planner's own warning: the planner drops an intra-pool VIF map that xapi refuses"
                  + " (OPERATION_NOT_ALLOWED)")
          .build();

  @BeforeAll
  static void start() {
    world = CrossCheckWorld.start();
    verdicts = new XapiVerdicts(world);
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  static Stream<CrossCheckRow> rows() {
    return Stream.of(
        cross("older xen on the destination", "subject", "b3-old", VM_HOST_INCOMPATIBLE, ACM),
        intra(
            "older platform inside the pool",
            "subject",
            "a3-old",
            Codes.NOT_SUPPORTED_DURING_UPGRADE,
            ACM),
        cross(
            "hardware platform version",
            "hw-01",
            "b7-hw",
            Codes.VM_HOST_INCOMPATIBLE_VIRTUAL_HARDWARE_PLATFORM_VERSION,
            ACM),
        cross("host disabled", "subject", "b2-disabled", Codes.HOST_DISABLED, ACM),
        intra("host not live", "subject", "a5-down", Codes.HOST_NOT_LIVE, ACM),
        cross("more vCPUs than pCPUs", "subject", "b6-few", Codes.HOST_NOT_ENOUGH_PCPUS, ACM),
        cross(
            "other CPU vendor (dry-run import)",
            "subject",
            "b5-amd",
            Codes.VM_INCOMPATIBLE_WITH_THIS_HOST,
            ACM),
        cross(
            "CPU features the host lacks (dry-run import)",
            "cpu-01",
            "b1",
            Codes.VM_INCOMPATIBLE_WITH_THIS_HOST,
            ACM),
        intra(
            "other CPU vendor inside the pool",
            "subject",
            "a4-amd",
            Codes.VM_INCOMPATIBLE_WITH_THIS_HOST,
            ACM),
        cross("not enough memory", "subject", "b4-small", Codes.HOST_NOT_ENOUGH_FREE_MEMORY, ACM),
        intra(
                "disk on an SR the host does not see (pool_migrate)",
                "local-01",
                "a2",
                Codes.VM_REQUIRES_SR,
                POOL_MIGRATE)
            .with(
                (vm, source) ->
                    Overrides.none()
                        .withSrByVdi(Map.of(source.disksOf(vm).get(0).uuid(), "a1-local"))),
        intra("network without a PIF on the host", "dmz-01", "a2", Codes.VM_REQUIRES_NETWORK, ACM),
        cross("no SR takes the disk", "big-01", "b1", Codes.VDI_NOT_IN_MAP, ACM),
        cross("source SR cannot mirror", "raw-01", "b1", Codes.SR_DOES_NOT_SUPPORT_MIGRATION, ACM),
        cross(
                "destination SR cannot receive",
                "subject",
                "b1",
                Codes.SR_DOES_NOT_SUPPORT_MIGRATION,
                ACM)
            .with(
                (vm, source) ->
                    Overrides.none()
                        .withSrByVdi(Map.of(source.disksOf(vm).get(0).uuid(), "b-raw"))),
        cross("CBT on a disk", "cbt-01", "b1", Codes.VDI_CBT_ENABLED, ACM),
        cross("encrypted disk", "enc-01", "b1", Codes.VDI_IS_ENCRYPTED, ACM),
        cross("VIF on a network pool-b lacks", "dmz-01", "b1", Codes.VIF_NOT_IN_MAP, ACM),
        cross(
                "transfer network without a PIF on the host",
                "subject",
                "b1",
                Codes.HOST_CANNOT_ATTACH_NETWORK,
                MIGRATE_RECEIVE)
            .with((vm, source) -> Overrides.none().withTransferNetwork("t-nopif")),
        cross(
                "transfer network PIF without configuration",
                "subject",
                "b1",
                Codes.PIF_HAS_NO_NETWORK_CONFIGURATION,
                MIGRATE_RECEIVE)
            .with((vm, source) -> Overrides.none().withTransferNetwork("t-none")),
        cross(
                "transfer network PIF without an address",
                "subject",
                "b1",
                Codes.INTERFACE_HAS_NO_IP,
                MIGRATE_RECEIVE)
            .with((vm, source) -> Overrides.none().withTransferNetwork("t-dhcp")),
        cross("migrate_send blocked", "blocked-01", "b1", Codes.OPERATION_BLOCKED, MIGRATE_SEND),
        intra("pool_migrate blocked", "blocked-01", "a2", Codes.OPERATION_BLOCKED, POOL_MIGRATE),
        cross("paused VM", "paused-01", "b1", Codes.VM_BAD_POWER_STATE, MIGRATE_SEND),
        cross("a template", "tmpl-01", "b1", Codes.VM_IS_TEMPLATE, MIGRATE_SEND),
        cross("a snapshot", "subject-snap", "b1", Codes.VM_IS_SNAPSHOT, MIGRATE_SEND),
        cross("a control domain", "dom0@a1", "b1", Codes.OPERATION_NOT_ALLOWED, MIGRATE_SEND),
        cross("platform:nomigrate", "immobile-01", "b1", Codes.VM_IS_IMMOBILE, MIGRATE_SEND),
        cross("guest cannot suspend", "nonsusp-01", "b1", Codes.VM_NON_SUSPENDABLE, MIGRATE_SEND),
        cross("no guest tools", "notools-01", "b1", Codes.VM_LACKS_FEATURE, MIGRATE_SEND),
        cross("PCI pass-through", "pci-01", "b1", Codes.VM_HAS_PCI_ATTACHED, MIGRATE_SEND),
        cross("vGPU", "vgpu-01", "b1", Codes.VM_HAS_VGPU, MIGRATE_SEND),
        cross(
            "NVIDIA SR-IOV vGPU: its function is no attached PCI",
            "sriov-01",
            "b1",
            Codes.VM_HAS_VGPU,
            MIGRATE_SEND),
        cross("USB pass-through", "vusb-01", "b1", Codes.VM_HAS_VUSBS, MIGRATE_SEND),
        cross(
            "same UUID running in the destination (dry-run import)",
            "twin-01",
            "b1",
            Codes.VM_BAD_POWER_STATE,
            ACM),
        cross(
            "CPU vendor before CBT (xapi's first blocker)",
            "cbtcpu-01",
            "b1",
            Codes.VM_INCOMPATIBLE_WITH_THIS_HOST,
            ACM),
        cross(
            "vcpu-unrestricted=on is no value xapi accepts",
            "vcpuon-01",
            "b6-few",
            Codes.HOST_NOT_ENOUGH_PCPUS,
            ACM),
        cross(
            "snapshot VIF on a network pool-b lacks",
            "snapvif-01",
            "b1",
            Codes.VIF_NOT_IN_MAP,
            ACM));
  }

  /**
   * Moves xapi accepts where a careless reading would refuse: the planner finds no blocker and the
   * simulator does not refuse ({@code assert_can_migrate}), or lists the operation in the VM's
   * {@code allowed_operations}, which xapi computes with the strict lifecycle checks of {@code
   * migrate_send} ({@code xapi_vm_lifecycle.ml}). The row's code is the one that must not appear.
   */
  static Stream<CrossCheckRow> acceptedRows() {
    return Stream.of(
        cross(
            "vcpu-unrestricted=1 lifts the pCPU limit",
            "unres-01",
            "b6-few",
            Codes.HOST_NOT_ENOUGH_PCPUS,
            ACM),
        cross(
            "PVH guest without PV drivers", "pvh-01", "b1", Codes.VM_LACKS_FEATURE, MIGRATE_SEND));
  }

  private static final String VM_HOST_INCOMPATIBLE = Codes.VM_HOST_INCOMPATIBLE_VERSION_MIGRATE;
  private static final CrossCheckRow.XapiCall ACM = ASSERT_CAN_MIGRATE;

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theSimulatorRefusesWithThePredictedCodeAndParameters(CrossCheckRow row) {
    PoolInventory source = world.sourceInventory;
    PoolInventory destination =
        switch (row.family()) {
          case CROSS_POOL -> world.destinationInventory;
          case INTRA_POOL -> world.sourceInventory;
        };
    Vm vm = source.vm(vmUuid(row.vm())).orElseThrow();
    String host = hostUuid(destination, row.host());

    MovePlan move =
        MigrationPlanner.plan(
                new PlanningInput(
                    source,
                    destination,
                    new MigrationRequest.MoveVms(List.of(vm.uuid()), host),
                    row.overrides().of(vm, source)))
            .move(vm.uuid())
            .orElseThrow();
    Finding predicted =
        move.findings().stream()
            .filter(finding -> finding.code().equals(row.code()) && finding.isBlocker())
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "planner did not predict " + row.code() + ": " + move.findings()));

    List<String> answered = verdicts.refusal(row, move, vm, host, destination);

    assertThat(answered).as(row.name()).isNotEmpty();
    assertThat(answered.get(0)).as(row.name()).isEqualTo(predicted.code());
    assertThat(answered.subList(1, answered.size())).as(row.name()).isEqualTo(predicted.params());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedRows")
  void theSimulatorAcceptsWhatThePlannerAccepts(CrossCheckRow row) {
    PoolInventory source = world.sourceInventory;
    PoolInventory destination = world.destinationInventory;
    Vm vm = source.vm(vmUuid(row.vm())).orElseThrow();
    String host = hostUuid(destination, row.host());

    MovePlan move = plan(vm, host);

    assertThat(move.findings()).as(row.name()).noneMatch(Finding::isBlocker);
    switch (row.call()) {
      case ASSERT_CAN_MIGRATE ->
          assertThat(verdicts.refusal(row, move, vm, host, destination)).as(row.name()).isEmpty();
      case MIGRATE_SEND ->
          assertThat(vm.allowedOperations()).as(row.name()).contains("migrate_send");
      case MIGRATE_RECEIVE, POOL_MIGRATE -> throw new AssertionError("no such accepted row");
    }
  }

  /**
   * With no host pinned and every host failing, the planner keeps every blocker in xapi's order:
   * the CPU vendor (raised by the dry-run import) before CBT (checked after it), its own {@code
   * NO_HOSTS_AVAILABLE} last; and xapi, asked for the host its first blocker names, raises exactly
   * that blocker first.
   */
  @Test
  void withNoHostPinnedTheBlockersKeepXapisOrder() {
    PoolInventory destination = world.destinationInventory;
    Vm vm = world.sourceInventory.vm(vmUuid("cbtcpu-01")).orElseThrow();

    List<Finding> blockers = plan(vm, "").findings().stream().filter(Finding::isBlocker).toList();
    List<String> codes = blockers.stream().map(Finding::code).toList();

    assertThat(codes).contains(Codes.VM_INCOMPATIBLE_WITH_THIS_HOST, Codes.VDI_CBT_ENABLED);
    assertThat(codes.indexOf(Codes.VM_INCOMPATIBLE_WITH_THIS_HOST))
        .isLessThan(codes.indexOf(Codes.VDI_CBT_ENABLED));
    assertThat(codes.indexOf(Codes.NO_HOSTS_AVAILABLE)).isIn(-1, codes.size() - 1);
    Finding first = blockers.get(0);
    String host =
        first.params().stream().filter(destination.hosts()::containsKey).findFirst().orElseThrow();
    String hostName = destination.hosts().get(host).nameLabel();
    CrossCheckRow row = cross("first blocker", "cbtcpu-01", hostName, first.code(), ACM);

    List<String> answered = verdicts.refusal(row, plan(vm, host), vm, host, destination);

    assertThat(answered.get(0)).isEqualTo(first.code());
    assertThat(answered.subList(1, answered.size())).isEqualTo(first.params());
  }

  /**
   * xapi's {@code check_operation_error} ({@code ocaml/xapi/xapi_vm_lifecycle.ml}) leaves the
   * virtual functions of NVIDIA SR-IOV vGPUs out of the attached PCIs: {@code sriov-01}'s one
   * attached PCI is its vGPU's function, so neither side raises {@code VM_HAS_PCI_ATTACHED}.
   */
  @Test
  void anNvidiaSriovFunctionIsNoAttachedPciOnEitherSide() {
    Vm vm = world.sourceInventory.vm(vmUuid("sriov-01")).orElseThrow();
    XapiRecord simulated = CrossCheckWorld.byName(world.store("pool-a"), XapiClass.VM, "sriov-01");

    List<String> codes =
        plan(vm, hostUuid(world.destinationInventory, "b1")).findings().stream()
            .filter(Finding::isBlocker)
            .map(Finding::code)
            .toList();

    assertThat(simulated.strings("attached_PCIs")).hasSize(1);
    assertThat(vm.attachedPciCount()).isZero();
    assertThat(codes).contains(Codes.VM_HAS_VGPU).doesNotContain(Codes.VM_HAS_PCI_ATTACHED);
  }

  private static MovePlan plan(Vm vm, String host) {
    return MigrationPlanner.plan(
            new PlanningInput(
                world.sourceInventory,
                world.destinationInventory,
                new MigrationRequest.MoveVms(List.of(vm.uuid()), host),
                Overrides.none()))
        .move(vm.uuid())
        .orElseThrow();
  }

  @Test
  void everyCodeIsCrossCheckedOrListed() throws IllegalAccessException {
    Set<String> all = new TreeSet<>();
    for (Field field : Codes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        all.add((String) field.get(null));
      }
    }
    Set<String> covered = rows().map(CrossCheckRow::code).collect(Collectors.toSet());

    assertThat(covered).doesNotContainAnyElementsOf(NOT_CROSS_CHECKED.keySet());
    assertThat(new TreeSet<>(all))
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(covered.stream(), NOT_CROSS_CHECKED.keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new)));
  }

  private static String vmUuid(String name) {
    var store = world.store("pool-a");
    if (name.startsWith("dom0@")) {
      String hostRef =
          CrossCheckWorld.byName(store, XapiClass.HOST, name.substring("dom0@".length())).ref();
      return store
          .where(
              XapiClass.VM,
              vm ->
                  Boolean.TRUE.equals(vm.get("is_control_domain"))
                      && hostRef.equals(vm.get("resident_on")))
          .get(0)
          .uuid();
    }
    return CrossCheckWorld.byName(store, XapiClass.VM, name).uuid();
  }

  private static String hostUuid(PoolInventory pool, String name) {
    return pool.hosts().values().stream()
        .filter(host -> host.nameLabel().equals(name))
        .findFirst()
        .orElseThrow()
        .uuid();
  }
}
