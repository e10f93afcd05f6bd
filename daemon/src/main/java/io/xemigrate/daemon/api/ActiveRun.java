package io.xemigrate.daemon.api;

import io.xemigrate.coordinator.run.RunCoordinator;
import io.xemigrate.planner.plan.MigrationPlan;
import java.time.Instant;

/** A run this server started and whose coordinator is still going. */
record ActiveRun(
    String runId,
    String planId,
    Instant startedAt,
    MigrationPlan plan,
    RunCoordinator coordinator) {}
