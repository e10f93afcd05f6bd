package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;

/**
 * The migration calls and their minimum roles (docs/failure-semantics.md#roles). Calls with
 * optional trailing parameters ({@code vgpu_map}, {@code vdi_format_map}, evacuate's batch size)
 * take a variable count and check it themselves.
 */
final class MigrationMethods {
  private MigrationMethods() {}

  static void register(PoolRuntime pool, MigrationService service) {
    MethodRegistry registry = pool.methods();
    MigrateSend send = new MigrateSend(service);
    PoolMigrate poolMigrate = new PoolMigrate(service);
    Evacuation evacuation = new Evacuation(service, poolMigrate);
    registry.register(
        MethodSpec.async(
            "host.migrate_receive", Role.VM_POWER_ADMIN, 4, false, MigrateReceive::call));
    registry.register(
        MethodSpec.async(
            "VM.assert_can_migrate",
            Role.VM_POWER_ADMIN,
            -1,
            false,
            (context, args) -> {
              service
                  .checks()
                  .assertCanMigrate(
                      context.pool(),
                      MigrationRequest.from(
                          args,
                          "VM.assert_can_migrate",
                          MigrationRequest.ASSERT_CAN_MIGRATE_ARITY));
              return "";
            }));
    registry.register(
        MethodSpec.async("VM.migrate_send", Role.VM_POWER_ADMIN, -1, true, send::call));
    registry.register(
        MethodSpec.async("VM.pool_migrate", Role.VM_POWER_ADMIN, 4, true, poolMigrate::call));
    registry.register(
        MethodSpec.async(
            "VDI.pool_migrate", Role.VM_POWER_ADMIN, 4, true, new VdiPoolMigrate(send)::call));
    registry.register(
        MethodSpec.async(
            "VM.assert_can_boot_here",
            Role.READ_ONLY,
            3,
            false,
            (context, args) -> {
              PoolView view = new PoolView(context.store());
              XapiRecord vm = view.get(XapiClass.VM, args.string(1));
              XapiRecord host = view.get(XapiClass.HOST, args.string(2));
              BootCheck.check(
                      view,
                      vm,
                      host,
                      new BootCheck.Options(true, true, true),
                      MemoryArithmetic.Policy.STANDARD)
                  .ifPresent(
                      e -> {
                        throw e;
                      });
              return "";
            }));
    registry.register(
        MethodSpec.async("host.evacuate", Role.POOL_OPERATOR, -1, false, evacuation::evacuate));
    registry.register(
        MethodSpec.async(
            "host.assert_can_evacuate",
            Role.POOL_OPERATOR,
            2,
            false,
            evacuation::assertCanEvacuate));
    registry.register(
        MethodSpec.async(
            "host.get_vms_which_prevent_evacuation",
            Role.READ_ONLY,
            2,
            false,
            evacuation::vmsWhichPreventEvacuation));
  }
}
