package io.xemigrate.storage.mapping;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.TreeMap;

/** The disk map of one VM for one destination host: every disk mapped, or listed as unmapped. */
public record DiskMap(ImmutableList<DiskMapping> mappings, ImmutableList<UnmappedDisk> unmapped) {

  /** Whether every disk has a destination SR. */
  public boolean complete() {
    return unmapped.isEmpty();
  }

  /** Bytes this VM's copies take on each destination SR, for the disks that move. */
  public ImmutableSortedMap<String, Long> bytesBySr() {
    Map<String, Long> bytes = new TreeMap<>();
    for (DiskMapping mapping : mappings) {
      if (mapping.moves()) {
        bytes.merge(mapping.destinationSrUuid(), mapping.bytesOnDestination(), Long::sum);
      }
    }
    return ImmutableSortedMap.copyOf(bytes);
  }

  /** The disks that are copied. */
  public ImmutableList<DiskMapping> moving() {
    return mappings.stream().filter(DiskMapping::moves).collect(ImmutableList.toImmutableList());
  }
}
