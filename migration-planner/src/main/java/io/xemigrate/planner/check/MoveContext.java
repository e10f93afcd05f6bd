package io.xemigrate.planner.check;

import com.google.common.collect.ImmutableSortedSet;
import io.xemigrate.network.mapping.NicMap;
import io.xemigrate.planner.AntiAffinity;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;

/**
 * What a check knows about one VM's move before a destination host is chosen.
 *
 * @param sourceHost the VM's host, or the source master when the VM runs nowhere (xapi's rule for
 *     the version comparison)
 * @param nicMap the VM's NIC map (the same for every destination host)
 * @param vifMapGiven whether the user gave {@code vif:} entries
 * @param antiAffinityGroups the VM's anti-affinity groups ({@link AntiAffinity})
 */
public record MoveContext(
    PoolInventory source,
    PoolInventory destination,
    Vm vm,
    boolean intraPool,
    Host sourceHost,
    NicMap nicMap,
    boolean vifMapGiven,
    ImmutableSortedSet<String> antiAffinityGroups) {

  public MoveContext(
      PoolInventory source,
      PoolInventory destination,
      Vm vm,
      boolean intraPool,
      Host sourceHost,
      NicMap nicMap,
      boolean vifMapGiven) {
    this(
        source,
        destination,
        vm,
        intraPool,
        sourceHost,
        nicMap,
        vifMapGiven,
        AntiAffinity.groups(vm));
  }

  /** The VM's UUID, the first parameter of most codes. */
  public String vmUuid() {
    return vm.uuid();
  }
}
