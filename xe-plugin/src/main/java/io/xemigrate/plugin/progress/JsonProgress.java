package io.xemigrate.plugin.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MovePlan;
import java.io.PrintStream;

/** Progress as JSON events, one object per line ({@code --json}). */
public final class JsonProgress implements RunListener {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final java.util.Map<String, Long> lastPercent = new java.util.HashMap<>();

  public JsonProgress(PrintStream out) {
    this.out = out;
  }

  private void emit(ObjectNode event) {
    out.println(event.toString());
  }

  @Override
  public synchronized void runStarted(String runId, int moves) {
    emit(JSON.createObjectNode().put("event", "run-started").put("run", runId).put("moves", moves));
  }

  @Override
  public synchronized void phaseChanged(MovePlan move, MoveState state) {
    emit(
        JSON.createObjectNode()
            .put("event", "phase")
            .put("vm", move.vmUuid())
            .put("name", move.vmName())
            .put("phase", state.phase().name()));
  }

  @Override
  public synchronized void progress(MovePlan move, double fraction, double bytesPerSecond) {
    long percent = Math.round(fraction * 100);
    // One event per whole percent, not one per task event.
    if (lastPercent.getOrDefault(move.vmUuid(), -1L) == percent) {
      return;
    }
    lastPercent.put(move.vmUuid(), percent);
    emit(
        JSON.createObjectNode()
            .put("event", "progress")
            .put("vm", move.vmUuid())
            .put("percent", percent));
  }

  @Override
  public synchronized void moveFinished(MovePlan move, MoveResult result) {
    ObjectNode event =
        JSON.createObjectNode()
            .put("event", "move-finished")
            .put("vm", move.vmUuid())
            .put("name", move.vmName())
            .put("phase", result.phase().name())
            .put("code", result.outcomeCode())
            .put("seconds", result.seconds());
    result.outcomeParams().forEach(event.putArray("params")::add);
    emit(event);
  }

  @Override
  public synchronized void replanned(
      MovePlan cause,
      double expectedSeconds,
      java.util.List<MovePlan> before,
      java.util.List<MovePlan> after) {
    ObjectNode event =
        JSON.createObjectNode()
            .put("event", "replanned")
            .put("vm", cause.vmUuid())
            .put("name", cause.vmName())
            .put("expectedSeconds", expectedSeconds);
    com.fasterxml.jackson.databind.node.ArrayNode order = event.putArray("order");
    after.forEach(move -> order.add(move.vmUuid()));
    emit(event);
  }

  @Override
  public synchronized void runFinished(RunSummary summary) {
    emit(
        JSON.createObjectNode()
            .put("event", "run-finished")
            .put("run", summary.runId())
            .put("status", summary.status().name())
            .put("failed", summary.failed())
            .put("seconds", summary.seconds()));
  }
}
