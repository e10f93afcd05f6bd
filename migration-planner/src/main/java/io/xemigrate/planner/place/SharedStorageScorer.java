package io.xemigrate.planner.place;

import io.xemigrate.planner.check.HostContext;

/**
 * Prefers hosts that see the VM's disks where they are (shared storage: nothing to copy): the share
 * of the VM's disks that stay in place, from 0 to 1.
 */
public final class SharedStorageScorer implements Scorer {
  @Override
  public String name() {
    return "shared-storage";
  }

  @Override
  public double score(HostContext context, PlanLedger ledger) {
    int disks = context.diskMap().mappings().size();
    if (disks == 0) {
      return 0;
    }
    long staying = context.diskMap().mappings().stream().filter(disk -> !disk.moves()).count();
    return (double) staying / disks;
  }
}
