package io.xemigrate.planner;

/** The xapi call that carries out a move. */
public enum MigrationMethod {
  /** {@code VM.pool_migrate}: inside one pool, a running VM whose disks all stay where they are. */
  POOL_MIGRATE,
  /** {@code VM.migrate_send}: every cross-pool move, and every move that copies a disk. */
  MIGRATE_SEND;

  /** xapi's name of the operation, as it appears in {@code blocked_operations}. */
  public String operation() {
    return switch (this) {
      case POOL_MIGRATE -> "pool_migrate";
      case MIGRATE_SEND -> "migrate_send";
    };
  }
}
