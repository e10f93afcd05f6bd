package io.xemigrate.simulator.physics;

/**
 * The phases of one migration, in the order they run (docs/xapi-behaviour.md#migrate-send-phases).
 */
public enum MigrationPhase {
  /** Disks are set up and copied one after another (P1). */
  DISK_COPY,
  /** The VM's metadata is imported into the destination pool (P3, cross-pool only). */
  METADATA_IMPORT,
  /** Live memory rounds while the guest runs (P6). */
  MEMORY_PRECOPY,
  /** The guest is paused and the last dirty pages travel (downtime starts). */
  STOP_AND_COPY,
  /** Resume on the destination and commit (downtime ends with it). */
  SWITCH_OVER,
  /** The migration completed. */
  DONE;

  /** Whether task progress counts memory (second 0→1 run) rather than disks. */
  public boolean countsMemory() {
    return switch (this) {
      case DISK_COPY, METADATA_IMPORT -> false;
      case MEMORY_PRECOPY, STOP_AND_COPY, SWITCH_OVER, DONE -> true;
    };
  }
}
