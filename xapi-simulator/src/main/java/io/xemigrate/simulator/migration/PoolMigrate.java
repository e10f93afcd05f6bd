package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.physics.DiskCopy;
import io.xemigrate.simulator.physics.MigrationPhase;
import io.xemigrate.simulator.physics.MigrationSpec;
import io.xemigrate.simulator.physics.MigrationTruth;
import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.rpc.CallContext;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code VM.pool_migrate(vm, host, options)} (docs/xapi-behaviour.md#pool-migrate): the CPU check
 * first (unless forced), the lifecycle checks, the reservation on the target with {@code
 * assert_can_boot_here}, then a memory-only move whose xenopsd errors are translated to API codes.
 */
final class PoolMigrate {
  private final MigrationService service;

  PoolMigrate(MigrationService service) {
    this.service = service;
  }

  Object call(CallContext context, Args args) {
    PoolRuntime pool = context.pool();
    PoolView view = new PoolView(pool.store());
    XapiRecord vm = view.get(XapiClass.VM, args.string(1));
    XapiRecord host = view.get(XapiClass.HOST, args.string(2));
    Map<String, Object> options = args.map(3);
    boolean force = "true".equals(options.get("force"));
    if (!force) {
      CpuCompatibility.incompatibility(
              vm.string("power_state").equals("Halted"),
              view.domainType(vm),
              vm.stringMap("last_boot_CPU_flags"),
              host.stringMap("cpu_info"))
          .ifPresent(
              reason -> {
                throw XapiException.of(
                    "VM_INCOMPATIBLE_WITH_THIS_HOST", vm.ref(), host.ref(), reason);
              });
    }
    String key = context.task().orElse(Refs.fresh());
    return service.withVmOperation(
        pool,
        vm.ref(),
        MigrationOperation.POOL_MIGRATE,
        !force,
        key,
        context.task(),
        () -> {
          reserve(view, vm.ref(), host);
          try {
            migrate(pool, view, vm.ref(), host, options, context.task());
          } finally {
            MigrationService.unschedule(pool.store(), vm.ref());
          }
          return "";
        });
  }

  /** reserve_memory_for_vm: assert_can_boot_here without the CPU check, then schedule. */
  private void reserve(PoolView view, String vmRef, XapiRecord host) {
    view.store()
        .transact(
            () -> {
              XapiRecord vm = view.get(XapiClass.VM, vmRef);
              MigrationService.assertHostNotEvacuating(view.get(XapiClass.HOST, host.ref()));
              BootCheck.check(
                      view,
                      vm,
                      view.get(XapiClass.HOST, host.ref()),
                      new BootCheck.Options(true, false, true),
                      MemoryArithmetic.Policy.STANDARD)
                  .ifPresent(
                      e -> {
                        throw e;
                      });
              MigrationService.schedule(view.store(), vmRef, host.ref());
            });
  }

  private void migrate(
      PoolRuntime pool,
      PoolView view,
      String vmRef,
      XapiRecord host,
      Map<String, Object> options,
      Optional<String> task) {
    if (MigrationChecks.restricted(view.pool(), "restrict_xen_motion")) {
      throw XapiException.of("LICENCE_RESTRICTION", "Xen_motion");
    }
    XapiRecord vm = view.get(XapiClass.VM, vmRef);
    XapiRecord source = MigrationChecks.sourceHost(view, vm);
    XapiRecord receiving = receivingPif(view, host, options);
    PhysicsParameters physics = service.physics();
    Map<String, Double> capacities = new HashMap<>();
    ImmutableList.Builder<String> network = ImmutableList.builder();
    boolean sameHost = source.ref().equals(host.ref());
    if (!sameHost) {
      view.managementPif(source.ref())
          .ifPresent(
              pif -> {
                network.add(PhysicsParameters.pifOut(pif));
                capacities.put(PhysicsParameters.pifOut(pif), physics.pifBytesPerSecond(pif));
              });
      network.add(PhysicsParameters.pifIn(receiving));
      capacities.put(PhysicsParameters.pifIn(receiving), physics.pifBytesPerSecond(receiving));
    }
    String id = task.orElse(Refs.fresh()) + "/" + UUID.randomUUID();
    MigrationSpec spec =
        new MigrationSpec(
            id,
            PhysicsParameters.populatedMemory(view, vm),
            physics.dirty(vm),
            ImmutableList.<DiskCopy>of(),
            network.build(),
            PhysicsParameters.streamCap(source),
            false);
    MigrationRun run = new MigrationRun(service, pool, task);
    MigrationTruth truth;
    try {
      truth = run.run(spec, capacities, phase -> enter(vm, host, phase));
    } catch (XapiException e) {
      MigrationPhase reached = run.reached();
      if (reached == MigrationPhase.STOP_AND_COPY || reached == MigrationPhase.SWITCH_OVER) {
        // A VM left suspended by a failed migration is shut down.
        view.store()
            .update(
                XapiClass.VM,
                vmRef,
                ImmutableMap.of("power_state", "Halted", "resident_on", Refs.NULL));
      }
      throw e;
    }
    complete(view, vmRef, source, host);
    service.record(
        new MigrationService.Recorded(
            "VM.pool_migrate", vm.uuid(), source.uuid(), host.uuid(), truth),
        spec,
        capacities);
  }

  private void enter(XapiRecord vm, XapiRecord host, MigrationPhase phase) {
    boolean cut = service.faults().refusing(host.uuid(), service.clock().nanos());
    Optional<Fault> fault = service.faults().take(vm.uuid(), phase);
    boolean failsHere =
        cut && (phase == MigrationPhase.MEMORY_PRECOPY || phase == MigrationPhase.STOP_AND_COPY)
            || fault.isPresent() && phase != MigrationPhase.DONE;
    if (failsHere) {
      // transform_xenops_exn: Internal_error m becomes INTERNAL_ERROR ["xenopsd internal error:
      // m"].
      throw XapiException.of("INTERNAL_ERROR", "xenopsd internal error: Connection reset by peer");
    }
  }

  private static XapiRecord receivingPif(
      PoolView view, XapiRecord host, Map<String, Object> options) {
    Object network = options.get("network");
    if (network instanceof String networkRef && !Refs.isNull(networkRef)) {
      XapiRecord pif =
          view.pifOn(host.ref(), networkRef)
              .orElseThrow(() -> XapiException.of("PIF_NOT_PRESENT", host.ref(), networkRef));
      if (!pif.bool("currently_attached")) {
        throw XapiException.of("REQUIRED_PIF_IS_UNPLUGGED", pif.ref());
      }
      if (MigrateReceive.addressOf(pif).isEmpty()) {
        throw XapiException.of("INTERFACE_HAS_NO_IP", pif.ref());
      }
      return pif;
    }
    return view.managementPif(host.ref())
        .orElseThrow(() -> XapiException.of("HOST_HAS_NO_MANAGEMENT_IP"));
  }

  /** VM.pool_migrate_complete and the VM_MIGRATED message. */
  private static void complete(PoolView view, String vmRef, XapiRecord source, XapiRecord host) {
    XapiRecord vm = view.get(XapiClass.VM, vmRef);
    view.store().set(XapiClass.VM, vmRef, "resident_on", host.ref());
    view.store()
        .create(
            XapiClass.MESSAGE,
            ImmutableMap.<String, Object>builder()
                .put("uuid", UUID.randomUUID().toString())
                .put("name", "VM_MIGRATED")
                .put("priority", 5L)
                .put("cls", "VM")
                .put("obj_uuid", vm.uuid())
                .put("timestamp", view.store().now())
                .put(
                    "body",
                    "VM '"
                        + vm.string("name_label")
                        + "' (uuid: "
                        + vm.uuid()
                        + ") migrated from host '"
                        + source.string("name_label")
                        + "' (uuid: "
                        + source.uuid()
                        + ") to host '"
                        + host.string("name_label")
                        + "' (uuid: "
                        + host.uuid()
                        + ")")
                .buildOrThrow());
  }
}
