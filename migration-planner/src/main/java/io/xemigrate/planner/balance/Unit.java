package io.xemigrate.planner.balance;

import com.google.common.collect.ImmutableList;

/**
 * VMs that move together: one VM, or the VMs of an affinity group that share a host.
 *
 * @param vms VM UUIDs, sorted
 * @param origin the host they run on before the balance
 * @param cpuCores physical CPUs they keep busy
 * @param memoryBytes memory they have: what moving them copies
 * @param movable false when one of them is pinned
 */
record Unit(
    ImmutableList<String> vms, String origin, double cpuCores, long memoryBytes, boolean movable) {

  String key() {
    return vms.get(0);
  }
}
