package io.xemigrate.storage.mapping;

import java.util.HashMap;
import java.util.Map;

/**
 * Bytes already planned onto each destination SR by earlier moves of the same plan, so that no SR
 * is over-committed across the plan.
 *
 * <p>Mutable on purpose: one planning run owns one ledger and commits each VM's disk map after
 * choosing its host. It is never shared between runs or threads.
 */
public final class SrLedger {
  private final Map<String, Long> planned = new HashMap<>();
  private long version;

  /** Bytes planned onto the SR so far. */
  public long planned(String srUuid) {
    return planned.getOrDefault(srUuid, 0L);
  }

  /** Commits the copies of one VM's disk map. */
  public void reserve(DiskMap map) {
    map.bytesBySr().forEach((sr, bytes) -> planned.merge(sr, bytes, Long::sum));
    version++;
  }

  /** Changes whenever bytes are reserved, so that a cache of disk maps knows it is stale. */
  public long version() {
    return version;
  }
}
