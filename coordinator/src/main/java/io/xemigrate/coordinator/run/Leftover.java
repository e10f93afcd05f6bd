package io.xemigrate.coordinator.run;

/**
 * Something a failed or half-finished move left in a pool, tied to the journaled run that made it.
 *
 * @param poolUuid the pool that holds it
 * @param uuid the VM or VDI
 * @param name its name-label
 * @param runId the run whose move left it
 * @param vmUuid the VM that move was about
 * @param reason one plain sentence: why it is a leftover
 */
public record Leftover(
    Kind kind,
    String poolUuid,
    String uuid,
    String name,
    String runId,
    String vmUuid,
    String reason) {

  /** What sort of object it is; VMs are removed before disks (their VBDs go with them). */
  public enum Kind {
    /** A halted duplicate VM record (or one of its snapshots). */
    VM,
    /** A disk no VM uses that a migration copied or left behind. */
    VDI
  }
}
