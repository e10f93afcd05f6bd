package io.xemigrate.network.mapping;

import com.google.common.collect.ImmutableList;

/** The NIC map of one VM: every VIF of the VM and of its snapshots, mapped or unmapped. */
public record NicMap(ImmutableList<NicMapping> mappings, ImmutableList<UnmappedNic> unmapped) {

  public boolean complete() {
    return unmapped.isEmpty();
  }
}
