package io.xemigrate.simulator.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How xapi reads the fields its checks depend on: booleans of {@code platform} ({@code
 * vm_platform.ml}), immobility and PV boot from {@code VM_metrics} ({@code xapi_vm_lifecycle.ml}),
 * cached reset-on-boot disks from {@code sm_config}, and the argument counts and error parameters
 * of the calls ({@code datamodel_vm.ml}, {@code xapi_vdi.ml}).
 */
class XapiReadingsTest {
  private final TestPools world = new TestPools();

  @AfterEach
  void close() {
    world.close();
  }

  private XapiException assertCanMigrate(MigrationErrorTableTest.Case c, Object... extra) {
    Object[] base = {c.vm, c.dest, true, c.vdiMap, c.vifMap, c.options, ImmutableMap.of()};
    Object[] all = new Object[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return catchThrowableOfType(XapiException.class, () -> c.a.call("VM.assert_can_migrate", all));
  }

  /** The lifecycle checks of {@code VM.migrate_send}, strict as for a live migration. */
  private static XapiException migrateSend(MigrationErrorTableTest.Case c) {
    return LifecycleCheck.check(
            new PoolView(c.a.store), c.vmRecord(), MigrationOperation.MIGRATE_SEND, true)
        .orElse(null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "TRUE", "True"})
  void vcpuUnrestrictedIsTrueForOneAndAnyCaseOfTrue(String value) {
    MigrationErrorTableTest.Case c = new MigrationErrorTableTest.Case(world);
    c.a.set(XapiClass.VM, c.vm, "VCPUs_max", 64L);
    c.a.set(XapiClass.VM, c.vm, "platform", ImmutableMap.of("vcpu-unrestricted", value));

    assertThat(assertCanMigrate(c)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"on", "yes", "0", "false"})
  void otherValuesOfVcpuUnrestrictedAreFalse(String value) {
    MigrationErrorTableTest.Case c = new MigrationErrorTableTest.Case(world);
    c.a.set(XapiClass.VM, c.vm, "VCPUs_max", 64L);
    c.a.set(XapiClass.VM, c.vm, "platform", ImmutableMap.of("vcpu-unrestricted", value));

    assertThat(assertCanMigrate(c).description())
        .containsExactly("HOST_NOT_ENOUGH_PCPUS", "64", "32");
  }

  @Test
  void aRunningVmIsMobileWhenItStartedMobileWhateverPlatformSaysNow() {
    MigrationErrorTableTest.Case c = new MigrationErrorTableTest.Case(world);
    c.a.set(XapiClass.VM, c.vm, "platform", ImmutableMap.of("nomigrate", "true"));

    assertThat(migrateSend(c)).isNull();
  }

  @Test
  void withoutMetricsPlatformDecidesAndOnIsNotTrue() {
    MigrationErrorTableTest.Case c = new MigrationErrorTableTest.Case(world);
    c.a.set(XapiClass.VM, c.vm, "metrics", "OpaqueRef:NULL");
    c.a.set(XapiClass.VM, c.vm, "platform", ImmutableMap.of("nomigrate", "on"));
    assertThat(migrateSend(c)).isNull();

    c.a.set(XapiClass.VM, c.vm, "platform", ImmutableMap.of("nested-virt", "1"));
    assertThat(migrateSend(c).description()).containsExactly("VM_IS_IMMOBILE", c.vm);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pv", "pvh", "pv_in_pvh"})
  void aGuestThatBootedPvNeedsNoPvDrivers(String domainType) {
    MigrationErrorTableTest.Case c = new MigrationErrorTableTest.Case(world);
    String guest = c.vmRecord().string("guest_metrics");
    c.a.set(XapiClass.VM_GUEST_METRICS, guest, "PV_drivers_detected", false);
    c.a.set(
        XapiClass.VM_METRICS, c.vmRecord().string("metrics"), "current_domain_type", domainType);

    assertThat(migrateSend(c)).isNull();
  }

  @Test
  void anHvmGuestWithoutPvDriversLacksTheFeature() {
    MigrationErrorTableTest.Case c = new MigrationErrorTableTest.Case(world);
    String guest = c.vmRecord().string("guest_metrics");
    c.a.set(XapiClass.VM_GUEST_METRICS, guest, "PV_drivers_detected", false);

    assertThat(migrateSend(c).description()).containsExactly("VM_LACKS_FEATURE", c.vm);
  }

  @Test
  void assertCanMigrateTakesAtMostEightArguments() {
    MigrationErrorTableTest.Case c = new MigrationErrorTableTest.Case(world);

    assertThat(assertCanMigrate(c, ImmutableMap.of()).description())
        .containsExactly("MESSAGE_PARAMETER_COUNT_MISMATCH", "VM.assert_can_migrate", "8", "9");
  }

  @Test
  void vdiDestroyNamesTheOperationAndItsTask() {
    MigrationErrorTableTest.Case c = new MigrationErrorTableTest.Case(world);
    String vdi = c.vdi();
    c.a.set(XapiClass.VDI, vdi, "current_operations", ImmutableMap.of("OpaqueRef:t1", "snapshot"));

    XapiException error =
        catchThrowableOfType(XapiException.class, () -> c.a.call("VDI.destroy", vdi));

    assertThat(error.description())
        .isEqualTo(List.of("OTHER_OPERATION_IN_PROGRESS", "VDI", vdi, "snapshot", "OpaqueRef:t1"));
  }

  @Test
  void poolMigrateRefusesACachedResetOnBootDiskAsSmConfigSaysIt() {
    MigrationErrorTableTest.Case c = new MigrationErrorTableTest.Case(world);
    c.a.set(
        XapiClass.VDI,
        c.vdi(),
        "sm_config",
        ImmutableMap.of("on_boot", "reset", "caching", "true"));

    XapiException error =
        LifecycleCheck.check(
                new PoolView(c.a.store), c.vmRecord(), MigrationOperation.POOL_MIGRATE, true)
            .orElseThrow();

    assertThat(error.description()).containsExactly("VDI_ON_BOOT_MODE_INCOMPATIBLE_WITH_OPERATION");
  }
}
