package io.xemigrate.planner.place;

import io.xemigrate.planner.Finding;
import io.xemigrate.storage.mapping.DiskMap;
import java.util.List;

/**
 * The outcome of placing one VM.
 *
 * @param hostUuid the chosen host, or {@code ""} when no host passed
 * @param diskMap the disk map for the chosen host (empty when none)
 * @param findings the chosen host's warnings, or, when no host passed, what stops the VM
 */
public record Placement(
    String hostUuid, DiskMap diskMap, List<Finding> findings, PlacementExplanation explanation) {
  public Placement {
    findings = List.copyOf(findings);
  }

  public boolean placed() {
    return !hostUuid.isEmpty();
  }
}
