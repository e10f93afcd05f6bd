package io.xemigrate.plugin.api;

import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.plugin.run.RunCoordinator;
import java.time.Instant;

/** A run this server started and whose coordinator is still going. */
record ActiveRun(
    String runId,
    String planId,
    Instant startedAt,
    MigrationPlan plan,
    RunCoordinator coordinator) {}
