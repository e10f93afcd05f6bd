package io.xemigrate.simulator.physics;

/**
 * A migration entered a phase at a virtual time.
 *
 * @param migrationId the migration's {@link MigrationSpec#id()}
 * @param phase the phase entered
 * @param atNanos virtual time of the change
 */
public record PhysicsEvent(String migrationId, MigrationPhase phase, long atNanos) {}
