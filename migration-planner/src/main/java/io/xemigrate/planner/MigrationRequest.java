package io.xemigrate.planner;

import java.util.List;

/**
 * What the administrator asked for. Whether the move stays inside one pool follows from the two
 * inventories given to the planner: the same pool UUID means inside the pool.
 */
public sealed interface MigrationRequest {

  /** One line that says what was asked, for the plan's header. */
  String describe();

  /**
   * Move VMs to the destination pool, or to one host of it.
   *
   * @param vms VM UUIDs or unique name-labels in the source pool
   * @param destinationHost a host UUID or unique name in the destination pool, or {@code ""} to let
   *     the planner choose
   */
  record MoveVms(List<String> vms, String destinationHost) implements MigrationRequest {
    public MoveVms {
      vms = List.copyOf(vms);
    }

    @Override
    public String describe() {
      return "move "
          + String.join(",", vms)
          + (destinationHost.isEmpty() ? "" : " to " + destinationHost);
    }
  }

  /**
   * Move every VM off one or more hosts: to the other hosts of their pool when the destination
   * inventory is the source's, otherwise to the destination pool.
   *
   * @param hosts host UUIDs or unique name-labels in the source pool
   */
  record EvacuateHosts(List<String> hosts) implements MigrationRequest {
    public EvacuateHosts {
      hosts = List.copyOf(hosts);
    }

    @Override
    public String describe() {
      return "evacuate " + String.join(",", hosts);
    }
  }

  /** Move every user VM of the source pool, whatever its power state, to another pool. */
  record DrainPool() implements MigrationRequest {
    @Override
    public String describe() {
      return "drain pool";
    }
  }
}
