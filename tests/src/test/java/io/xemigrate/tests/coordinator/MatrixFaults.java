package io.xemigrate.tests.coordinator;

import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.simulator.migration.Fault;
import io.xemigrate.simulator.migration.FaultKind;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;

/**
 * The fault each cell injects: migration faults target the victim VM; host faults the victim's
 * source or destination host; pool-wide faults the pool the coordinator talks to at the cell's
 * step.
 */
final class MatrixFaults {
  /** A window of virtual time long enough to cover the rest of the victim's move. */
  private static final double WINDOW_SECONDS = 600;

  private MatrixFaults() {}

  static Fault of(FaultKind kind, MatrixStep step, MovePlan victim, SimulatedPools pools) {
    PoolInventory pool = step.destinationSide() ? pools.destinationBefore : pools.sourceBefore;
    String poolName = step.destinationSide() ? "pool-b" : "pool-a";
    return switch (kind) {
      case FAIL_DISK_COPY,
          MIRROR_FAILED,
          FAIL_METADATA_IMPORT,
          FAIL_MEMORY_PRECOPY,
          FAIL_AFTER_SUSPEND,
          FAIL_FINAL_HANDSHAKE,
          FAIL_CLEANUP ->
          Fault.migration(kind, victim.vmUuid());
      case REFUSE_CONNECTIONS ->
          new Fault(kind, victim.destinationHostUuid(), WINDOW_SECONDS, 1, 0);
      case RESET_RPC_CONNECTIONS ->
          step == MatrixStep.AT_HAND_OFF
              // The hand-off call itself runs, then its answer is lost.
              ? Fault.resetConnections(pool.master().uuid(), "VM.migrate_send", 1, true)
              : Fault.resetConnections(pool.master().uuid(), 2, true);
      case SLOW_NIC -> new Fault(kind, victim.sourceHostUuid(), WINDOW_SECONDS, 0.1, 0);
      case MASTER_FAILOVER -> new Fault(kind, otherThanMaster(pool), 0, 1, 0);
      case TOOLSTACK_RESTART, EXPIRE_SESSIONS -> new Fault(kind, poolName, 0, 1, 0);
      case TAKE_DESTINATION_MEMORY ->
          new Fault(
              kind,
              victim.destinationHostUuid(),
              0,
              1,
              pools
                  .destinationBefore
                  .host(victim.destinationHostUuid())
                  .orElseThrow()
                  .memoryTotal());
    };
  }

  private static String otherThanMaster(PoolInventory pool) {
    String master = pool.master().uuid();
    return pool.hosts().values().stream()
        .map(Host::uuid)
        .filter(uuid -> !uuid.equals(master))
        .findFirst()
        .orElseThrow();
  }
}
