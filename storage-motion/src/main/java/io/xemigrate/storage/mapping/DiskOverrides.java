package io.xemigrate.storage.mapping;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;

/**
 * What the user said about disks, already resolved to UUIDs of the destination pool.
 *
 * @param srByVdi explicit {@code vdi:<uuid>=<sr>} entries: VDI UUID to destination SR UUID
 * @param defaultSrUuid the plan's default SR ({@code sr=}), or {@code ""} for none
 */
public record DiskOverrides(ImmutableSortedMap<String, String> srByVdi, String defaultSrUuid) {

  public DiskOverrides {
    srByVdi = ImmutableSortedMap.copyOf(srByVdi);
  }

  /** No overrides: every disk is mapped by rule. */
  public static DiskOverrides none() {
    return new DiskOverrides(ImmutableSortedMap.of(), "");
  }

  public static DiskOverrides of(Map<String, String> srByVdi, String defaultSrUuid) {
    return new DiskOverrides(ImmutableSortedMap.copyOf(srByVdi), defaultSrUuid);
  }
}
