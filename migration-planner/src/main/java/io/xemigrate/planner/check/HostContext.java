package io.xemigrate.planner.check;

import io.xemigrate.planner.Limits;
import io.xemigrate.planner.MigrationMethod;
import io.xemigrate.storage.mapping.DiskMap;
import io.xemigrate.storage.mapping.SrLedger;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PowerState;

/**
 * What a host check knows: the move, one candidate destination host, the VM's disk map for that
 * host, and what the plan has already sent there.
 *
 * @param plannedFootprint bytes of memory the plan's earlier moves take on the host
 * @param plannedIncoming how many of the plan's earlier moves go to the host
 * @param srLedger bytes the plan's earlier moves put on each SR
 */
public record HostContext(
    MoveContext move,
    Host host,
    DiskMap diskMap,
    long plannedFootprint,
    int plannedIncoming,
    SrLedger srLedger,
    DestinationIndex index,
    Limits limits) {

  /** pool_migrate for a running VM that stays in its pool with every disk in place. */
  public MigrationMethod method() {
    return move.intraPool()
            && move.vm().powerState() == PowerState.RUNNING
            && diskMap.moving().isEmpty()
        ? MigrationMethod.POOL_MIGRATE
        : MigrationMethod.MIGRATE_SEND;
  }

  public String hostUuid() {
    return host.uuid();
  }

  public String vmUuid() {
    return move.vm().uuid();
  }
}
