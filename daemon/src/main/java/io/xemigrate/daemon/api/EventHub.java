package io.xemigrate.daemon.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MovePlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where every run's progress goes for the API: the event stream's subscribers, the metrics, and the
 * live per-move progress that {@code GET /api/v1/runs/{id}} shows. As a {@link RunListener} it
 * attributes moves to the run started last; {@link #forRun(String)} gives a listener bound to one
 * run id, which callers should prefer when several runs may go at once.
 */
public final class EventHub implements RunListener {
  /** Receives events; answers false when it is gone (a closed connection) to be removed. */
  interface Subscriber {
    Optional<String> run();

    boolean send(String event, String data);
  }

  private final Metrics metrics = new Metrics();
  private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final Map<String, Map<String, LiveMove>> live = new ConcurrentHashMap<>();
  private final AtomicReference<String> latest = new AtomicReference<>("");

  public EventHub() {}

  /** A listener that reports to this hub as run {@code runId}. */
  public RunListener forRun(String runId) {
    return new RunListener() {
      @Override
      public void runStarted(String id, int moves) {
        started(runId, moves);
      }

      @Override
      public void moveStarted(MovePlan move) {
        EventHub.this.moveStarted(runId, move);
      }

      @Override
      public void phaseChanged(MovePlan move, MoveState state) {
        EventHub.this.phaseChanged(runId, move, state);
      }

      @Override
      public void progress(MovePlan move, double fraction, double bytesPerSecond) {
        EventHub.this.progress(runId, move, fraction, bytesPerSecond);
      }

      @Override
      public void moveFinished(MovePlan move, MoveResult result) {
        EventHub.this.moveFinished(runId, move, result);
      }

      @Override
      public void replanned(
          MovePlan cause, double expectedSeconds, List<MovePlan> before, List<MovePlan> after) {
        EventHub.this.replanned(runId, cause, expectedSeconds, after);
      }

      @Override
      public void runFinished(RunSummary summary) {
        finished(runId, summary);
      }
    };
  }

  /**
   * How many event-stream subscribers are connected (a closed one is removed at its next event).
   */
  public int subscribers() {
    return subscribers.size();
  }

  @Override
  public void runStarted(String runId, int moves) {
    latest.set(runId);
    started(runId, moves);
  }

  @Override
  public void moveStarted(MovePlan move) {
    moveStarted(latest.get(), move);
  }

  @Override
  public void phaseChanged(MovePlan move, MoveState state) {
    phaseChanged(latest.get(), move, state);
  }

  @Override
  public void progress(MovePlan move, double fraction, double bytesPerSecond) {
    progress(latest.get(), move, fraction, bytesPerSecond);
  }

  @Override
  public void moveFinished(MovePlan move, MoveResult result) {
    moveFinished(latest.get(), move, result);
  }

  @Override
  public void replanned(
      MovePlan cause, double expectedSeconds, List<MovePlan> before, List<MovePlan> after) {
    replanned(latest.get(), cause, expectedSeconds, after);
  }

  @Override
  public void runFinished(RunSummary summary) {
    finished(summary.runId(), summary);
  }

  /**
   * Waits until exactly {@code count} subscribers are connected, at most {@code timeout}; true when
   * they are. For tests and shutdown, which must not sleep to see a stream open or close.
   */
  public boolean awaitSubscribers(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (subscribers) {
      while (subscribers.size() != count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(subscribers, left);
      }
      return true;
    }
  }

  void subscribe(Subscriber subscriber) {
    synchronized (subscribers) {
      subscribers.add(subscriber);
      subscribers.notifyAll();
    }
  }

  void unsubscribe(Subscriber subscriber) {
    synchronized (subscribers) {
      subscribers.remove(subscriber);
      subscribers.notifyAll();
    }
  }

  Metrics metrics() {
    return metrics;
  }

  /** The live moves of a run the hub has heard of, by VM UUID. */
  Optional<Map<String, LiveMove>> live(String runId) {
    return Optional.ofNullable(live.get(runId)).map(Map::copyOf);
  }

  private void started(String runId, int moves) {
    live.putIfAbsent(runId, new ConcurrentHashMap<>());
    metrics.runStarted();
    ObjectNode data = ApiJson.object().put("run", runId).put("state", "started");
    publish(runId, "run", data.put("moves", moves));
  }

  private void moveStarted(String runId, MovePlan move) {
    metrics.moveStarted(move);
    update(runId, move, current -> current, "PENDING");
  }

  private void phaseChanged(String runId, MovePlan move, MoveState state) {
    update(runId, move, current -> current.withPhase(state.phase().name()), state.phase().name());
  }

  private void progress(String runId, MovePlan move, double fraction, double rate) {
    update(runId, move, current -> current.withProgress(fraction * 100, rate), "MIGRATING");
  }

  private void moveFinished(String runId, MovePlan move, MoveResult result) {
    metrics.moveFinished(move, result);
    update(
        runId,
        move,
        current ->
            current
                .withPhase(result.phase().name())
                .withProgress(result.ok() ? 100 : current.percent(), 0),
        result.phase().name());
  }

  /** Event {@code replan}: the waiting moves' new order, by VM UUID, and why. */
  private void replanned(
      String runId, MovePlan cause, double expectedSeconds, List<MovePlan> after) {
    ObjectNode data =
        ApiJson.object()
            .put("run", runId)
            .put("vm", cause.vmUuid())
            .put("vmName", cause.vmName())
            .put("expectedSeconds", expectedSeconds);
    com.fasterxml.jackson.databind.node.ArrayNode order = data.putArray("order");
    after.forEach(move -> order.add(move.vmUuid()));
    publish(runId, "replan", data);
  }

  private void finished(String runId, RunSummary summary) {
    metrics.runFinished();
    ObjectNode data =
        ApiJson.object()
            .put("run", runId)
            .put("state", "finished")
            .put("status", summary.status().name())
            .put("failed", summary.failed())
            .put("seconds", summary.seconds());
    publish(runId, "run", data);
  }

  private void update(
      String runId,
      MovePlan move,
      java.util.function.UnaryOperator<LiveMove> change,
      String initialPhase) {
    Map<String, LiveMove> moves = live.computeIfAbsent(runId, id -> new ConcurrentHashMap<>());
    LiveMove now =
        moves.compute(
            move.vmUuid(),
            (vm, before) ->
                change.apply(
                    before != null
                        ? before
                        : new LiveMove(move.vmUuid(), move.vmName(), initialPhase, 0, 0)));
    ObjectNode data =
        ApiJson.object()
            .put("run", runId)
            .put("vm", now.vmUuid())
            .put("vmName", now.vmName())
            .put("phase", now.phase())
            .put("percent", now.percent())
            .put("bytesPerSecond", now.bytesPerSecond());
    publish(runId, "progress", data);
  }

  private void publish(String runId, String event, ObjectNode data) {
    String json = data.toString();
    for (Subscriber subscriber : subscribers) {
      if (subscriber.run().map(runId::equals).orElse(true) && !subscriber.send(event, json)) {
        unsubscribe(subscriber);
      }
    }
  }
}
