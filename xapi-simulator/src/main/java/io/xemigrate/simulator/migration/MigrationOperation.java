package io.xemigrate.simulator.migration;

/** The two VM operations a migration takes, as they appear in {@code current_operations}. */
enum MigrationOperation {
  MIGRATE_SEND("migrate_send"),
  POOL_MIGRATE("pool_migrate");

  private final String wireName;

  MigrationOperation(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }
}
