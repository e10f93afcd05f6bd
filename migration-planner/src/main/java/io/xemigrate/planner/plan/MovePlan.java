package io.xemigrate.planner.plan;

import io.xemigrate.network.mapping.NicMapping;
import io.xemigrate.planner.Finding;
import io.xemigrate.planner.MigrationMethod;
import io.xemigrate.planner.place.PlacementExplanation;
import io.xemigrate.storage.mapping.DiskMapping;
import java.util.List;

/**
 * One VM's move: where it goes, how each disk and NIC is mapped and why, what the checks found, and
 * why its host was chosen. No field is optional: absent values are {@code ""} or empty lists.
 *
 * @param powerState xapi's spelling ({@code Running})
 * @param sourceHostUuid the host the VM runs on, or {@code ""}
 * @param destinationHostUuid the chosen host, or {@code ""} when blocked
 * @param transferNetworkUuid the network carrying this move's traffic
 * @param schedule the scheduler's slot for the move ({@link MoveSchedule#unscheduled()} until then)
 */
public record MovePlan(
    String vmUuid,
    String vmName,
    String powerState,
    String sourceHostUuid,
    String sourceHostName,
    Verdict verdict,
    String destinationHostUuid,
    String destinationHostName,
    MigrationMethod method,
    List<DiskMapping> disks,
    List<NicMapping> nics,
    String transferNetworkUuid,
    List<Finding> findings,
    PlacementExplanation placement,
    MoveSchedule schedule) {

  public MovePlan {
    disks = List.copyOf(disks);
    nics = List.copyOf(nics);
    findings = List.copyOf(findings);
  }

  /** The same move with the scheduler's output attached. */
  public MovePlan withSchedule(MoveSchedule newSchedule) {
    return new MovePlan(
        vmUuid,
        vmName,
        powerState,
        sourceHostUuid,
        sourceHostName,
        verdict,
        destinationHostUuid,
        destinationHostName,
        method,
        disks,
        nics,
        transferNetworkUuid,
        findings,
        placement,
        newSchedule);
  }

  /** Bytes the move copies to destination SRs. */
  public long bytesToCopy() {
    return disks.stream()
        .filter(DiskMapping::moves)
        .mapToLong(DiskMapping::bytesOnDestination)
        .sum();
  }
}
