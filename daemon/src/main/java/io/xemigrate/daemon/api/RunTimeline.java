package io.xemigrate.daemon.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.StepRecord;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.MoveSchedule;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.planner.plan.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/runs/{id}/timeline}: each move of a journaled run, predicted (start, duration
 * and pause from the plan's schedule) against actual (first and last journaled step, seconds after
 * the run started, as this client's clock saw them): what the console draws as bars over bars.
 */
final class RunTimeline {
  private RunTimeline() {}

  static Reply of(Journal journal, Clock clock, String runId) {
    Optional<RunRecord> record;
    List<MoveState> states;
    List<StepRecord> steps;
    synchronized (journal) {
      record = journal.run(runId);
      states = record.isPresent() ? journal.moves(runId) : List.of();
      steps = record.isPresent() ? journal.steps(runId) : List.of();
    }
    if (record.isEmpty()) {
      throw new ApiException(
          404, "NOT_FOUND", "no journaled run '" + runId + "': GET /api/v1/runs lists the runs");
    }
    Instant started = record.get().createdAt();
    MigrationPlan plan = PlanJson.read(record.get().planJson());
    ObjectNode answer =
        ApiJson.object()
            .put("id", runId)
            .put("status", record.get().status().name())
            .put("startedAt", started.toString())
            .put("elapsedSeconds", seconds(started, clock.instant()))
            .put("predictedMakespanSeconds", plan.schedule().makespanSeconds());
    ArrayNode moves = answer.putArray("moves");
    for (MovePlan move : plan.moves()) {
      if (move.verdict() != Verdict.OK) {
        continue;
      }
      MoveSchedule schedule = move.schedule();
      MoveState state =
          states.stream()
              .filter(s -> s.vmUuid().equals(move.vmUuid()))
              .findFirst()
              .orElse(MoveState.pending(move.vmUuid()));
      ObjectNode node =
          moves
              .addObject()
              .put("vm", move.vmUuid())
              .put("vmName", move.vmName())
              .put("sourceHost", move.sourceHostName())
              .put("destinationHost", move.destinationHostName())
              .put("phase", state.phase().name())
              .put("outcome", state.outcomeCode())
              .put("predictedStartSeconds", schedule.startSeconds())
              .put("predictedSeconds", schedule.durationSeconds())
              .put("predictedDowntimeSeconds", schedule.downtimeSeconds());
      List<StepRecord> own =
          steps.stream().filter(step -> step.vmUuid().equals(move.vmUuid())).toList();
      if (!own.isEmpty()) {
        node.put("actualStartSeconds", seconds(started, own.get(0).at()));
        if (ended(state.phase())) {
          node.put("actualEndSeconds", seconds(started, own.get(own.size() - 1).at()));
        }
      }
    }
    return Reply.ok(answer);
  }

  private static boolean ended(MovePhase phase) {
    return switch (phase) {
      case SUCCEEDED, SKIPPED, FAILED, CANCELLED, NEEDS_RECONCILE -> true;
      case PENDING, RECEIVING, VALIDATING, MIGRATING, VERIFYING, REATTACHING, RECOVERING -> false;
    };
  }

  private static double seconds(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
  }
}
