package io.xemigrate.coordinator.run;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.XapiErrorKind;
import io.xemigrate.xapi.XapiException;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What failed runs left behind, and its removal: halted duplicate VM records and disks that no
 * running VM uses, each tied to a journaled move (see {@link LeftoverFinder} for the rules). Never
 * destroys a running VM (xapi refuses too: {@code VM_BAD_POWER_STATE}) nor a disk a running VM has
 * ({@code VDI_IN_USE}).
 */
public final class Cleanup {
  private Cleanup() {}

  /**
   * The leftovers in {@code pool}.
   *
   * @param others the other pools the runs refer to (to see where each VM runs now)
   */
  public static ImmutableList<Leftover> find(
      PoolInventory pool, Collection<PoolInventory> others, List<JournaledRun> runs) {
    Map<String, PoolInventory> pools = new LinkedHashMap<>();
    others.forEach(other -> pools.put(other.pool().uuid(), other));
    pools.put(pool.pool().uuid(), pool);
    return new LeftoverFinder(pool, pools).find(runs);
  }

  /**
   * Destroys each leftover through {@code client} (the pool that holds them), VMs first so that
   * their VBDs are gone before their disks. One that is already gone counts as removed.
   */
  public static CleanupResult remove(PoolClient client, List<Leftover> leftovers) {
    List<Leftover> removed = new ArrayList<>();
    List<CleanupResult.Failure> failed = new ArrayList<>();
    List<Leftover> ordered = new ArrayList<>(leftovers);
    ordered.sort((a, b) -> a.kind().compareTo(b.kind()));
    for (Leftover leftover : ordered) {
      try {
        switch (leftover.kind()) {
          case VM -> client.destroyVm(leftover.uuid());
          case VDI -> client.destroyVdi(leftover.uuid());
        }
        removed.add(leftover);
      } catch (XapiException e) {
        if (e.kind() == XapiErrorKind.NOT_FOUND) {
          removed.add(leftover);
        } else {
          failed.add(new CleanupResult.Failure(leftover, e.code()));
        }
      }
    }
    return new CleanupResult(ImmutableList.copyOf(removed), ImmutableList.copyOf(failed));
  }

  /**
   * Finds and removes the leftovers of every finished run of {@code journal} in each pool of {@code
   * clients} (for tests and the fault matrix: no question asked).
   */
  public static CleanupResult clean(List<PoolClient> clients, Journal journal) {
    List<PoolInventory> inventories = clients.stream().map(PoolClient::loadInventory).toList();
    ImmutableList<JournaledRun> runs = JournaledRun.all(journal);
    List<Leftover> removed = new ArrayList<>();
    List<CleanupResult.Failure> failed = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      PoolInventory pool = inventories.get(i);
      CleanupResult result = remove(clients.get(i), find(pool, inventories, runs));
      removed.addAll(result.removed());
      failed.addAll(result.failed());
    }
    return new CleanupResult(ImmutableList.copyOf(removed), ImmutableList.copyOf(failed));
  }
}
