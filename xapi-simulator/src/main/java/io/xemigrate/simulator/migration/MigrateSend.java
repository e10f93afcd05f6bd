package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.physics.MigrationTruth;
import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.rpc.CallContext;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.Optional;

/**
 * {@code VM.migrate_send} (docs/xapi-behaviour.md#migrate-send): lifecycle checks with waiting,
 * {@code assert_can_migrate}, the per-host limit, the sender's steps, then the phases of
 * docs/xapi-behaviour.md#migrate-send-phases driven by the physics, and xapi's failure handling
 * (docs/xapi-behaviour.md#migrate-send-failures, docs/failure-semantics.md#failure-points).
 */
final class MigrateSend {
  private final MigrationService service;

  MigrateSend(MigrationService service) {
    this.service = service;
  }

  Object call(CallContext context, Args args) {
    MigrationRequest request =
        MigrationRequest.from(args, "VM.migrate_send", MigrationRequest.MIGRATE_SEND_ARITY);
    PoolRuntime pool = context.pool();
    PoolView view = new PoolView(pool.store());
    view.get(XapiClass.VM, request.vmRef());
    String operationKey = context.task().orElse(Refs.fresh());
    return service.withVmOperation(
        pool,
        request.vmRef(),
        MigrationOperation.MIGRATE_SEND,
        true,
        operationKey,
        context.task(),
        () -> {
          MigrationChecks.Verdict verdict = service.checks().assertCanMigrate(pool, request);
          XapiRecord vm = view.get(XapiClass.VM, request.vmRef());
          String sender = MigrationChecks.sourceHost(view, vm).ref();
          service.acquireSendSlot(sender);
          try {
            return send(pool, view, request, verdict, context.task());
          } finally {
            service.releaseSendSlot(sender);
          }
        });
  }

  /** The sender's steps S1 to S9, then the move itself. */
  private String send(
      PoolRuntime pool,
      PoolView view,
      MigrationRequest request,
      MigrationChecks.Verdict verdict,
      Optional<String> task) {
    MigrationTarget target = verdict.target();
    if (request.flag("copy")) {
      if (!target.crossPool()) {
        throw XapiException.of(
            "OPERATION_NOT_ALLOWED",
            "Copy mode is disallowed on intra pool storage migration, try efficient alternatives,"
                + " for example, VM.copy/clone.");
      }
      throw XapiException.of("INTERNAL_ERROR", "the simulator does not model copy mode");
    }
    XapiRecord vm = view.get(XapiClass.VM, request.vmRef());
    MovePlan plan = MovePlan.of(view, vm, request, target);
    plan.ejectCds(view, vm);
    vm = view.get(XapiClass.VM, request.vmRef());
    boolean live = vm.string("power_state").equals("Running");
    String id = task.orElse(Refs.fresh());
    MovePlan.Physics physics = plan.physics(service.physics(), id, view, vm, target, live);
    MoveState state =
        new MoveState(
            service,
            pool,
            view,
            vm,
            target,
            plan,
            verdict.vifMap(),
            task,
            live,
            request.flag("force"));
    if (!target.crossPool() && live) {
      // allocate_vm_to_host on the master, before the move is forwarded
      // (docs/xapi-behaviour.md#migrate-send step 3).
      MigrationService.assertHostNotEvacuating(
          pool.store().get(XapiClass.HOST, target.host().ref()));
      MigrationService.schedule(pool.store(), vm.ref(), target.host().ref());
    }
    MigrationRun run = new MigrationRun(service, pool, task);
    MigrationTruth truth;
    try {
      truth = run.run(physics.spec(), physics.capacities(), state::enter);
    } catch (XapiException e) {
      throw state.fail(e, run.reached());
    } catch (RuntimeException e) {
      throw state.fail(XapiException.of("INTERNAL_ERROR", e.toString()), run.reached());
    }
    service.record(
        new MigrationService.Recorded(
            "VM.migrate_send",
            vm.uuid(),
            MigrationChecks.sourceHost(view, vm).uuid(),
            target.host().uuid(),
            truth),
        physics.spec(),
        physics.capacities());
    return state.resultRef();
  }
}
