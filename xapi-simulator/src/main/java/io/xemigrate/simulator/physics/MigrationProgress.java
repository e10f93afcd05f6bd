package io.xemigrate.simulator.physics;

/**
 * A running migration as a task observer sees it.
 *
 * @param phase the current phase
 * @param taskProgress xapi's task progress: 0→1 over the disks, then 0→1 again over memory
 */
public record MigrationProgress(MigrationPhase phase, double taskProgress) {}
