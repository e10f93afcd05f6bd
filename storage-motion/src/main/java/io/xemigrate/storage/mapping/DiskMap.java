package io.xemigrate.storage.mapping;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The disk map of one VM for one destination host: every disk mapped, or listed as unmapped.
 *
 * <p>A class rather than a record so that the views every host check reads ({@link #moving()},
 * {@link #bytesBySr()}) are computed once: placement builds one map per VM and candidate host.
 */
public final class DiskMap {
  private final ImmutableList<DiskMapping> mappings;
  private final ImmutableList<UnmappedDisk> unmapped;
  private final ImmutableList<DiskMapping> moving;
  private final ImmutableSortedMap<String, Long> bytesBySr;

  public DiskMap(ImmutableList<DiskMapping> mappings, ImmutableList<UnmappedDisk> unmapped) {
    this.mappings = mappings;
    this.unmapped = unmapped;
    this.moving =
        mappings.stream().filter(DiskMapping::moves).collect(ImmutableList.toImmutableList());
    Map<String, Long> bytes = new TreeMap<>();
    for (DiskMapping mapping : moving) {
      bytes.merge(mapping.destinationSrUuid(), mapping.bytesOnDestination(), Long::sum);
    }
    this.bytesBySr = ImmutableSortedMap.copyOf(bytes);
  }

  /** No disks at all. */
  public static DiskMap empty() {
    return new DiskMap(ImmutableList.of(), ImmutableList.of());
  }

  public ImmutableList<DiskMapping> mappings() {
    return mappings;
  }

  public ImmutableList<UnmappedDisk> unmapped() {
    return unmapped;
  }

  /** Whether every disk has a destination SR. */
  public boolean complete() {
    return unmapped.isEmpty();
  }

  /** Bytes this VM's copies take on each destination SR, for the disks that move. */
  public ImmutableSortedMap<String, Long> bytesBySr() {
    return bytesBySr;
  }

  /** The disks that are copied. */
  public ImmutableList<DiskMapping> moving() {
    return moving;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DiskMap that
        && mappings.equals(that.mappings)
        && unmapped.equals(that.unmapped);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mappings, unmapped);
  }

  @Override
  public String toString() {
    return "DiskMap[mappings=" + mappings + ", unmapped=" + unmapped + "]";
  }
}
