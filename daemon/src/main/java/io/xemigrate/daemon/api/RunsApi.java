package io.xemigrate.daemon.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.coordinator.batch.BatchRun;
import io.xemigrate.coordinator.batch.BatchService;
import io.xemigrate.coordinator.batch.PoolGate;
import io.xemigrate.coordinator.batch.PreparedRun;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.planner.plan.InventoryIdentity;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.planner.plan.Verdict;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Apply, list, get and cancel runs. Apply prepares the run with the {@link BatchService} (the
 * plan's pools through the {@link PoolGate}, both pools connected, the drift check) and runs it in
 * the background with the {@link EventHub} as listener; the answer (202) does not wait for the run.
 * HTTP is this class's only concern.
 */
final class RunsApi implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.xemigrate.api");

  private final ApiServices services;
  private final PlansApi plans;
  private final PlanStore store;
  private final Journal journal;
  private final BatchService batches;
  private final Map<String, ActiveRun> active = new ConcurrentHashMap<>();
  private final ExecutorService runner =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "xe-migrate-api-run");
            thread.setDaemon(true);
            return thread;
          });

  RunsApi(ApiServices services, PlansApi plans, PlanStore store, Journal journal) {
    this.services = services;
    this.plans = plans;
    this.store = store;
    this.journal = journal;
    this.batches = new BatchService(services.connector(), journal, services.clock());
  }

  Reply apply(ApiRequest request) {
    String planId = request.pathParameter("id");
    StoredPlan stored = plans.find(planId);
    switch (stored.status()) {
      case DRAFT ->
          throw new ApiException(
              409,
              "PLAN_NOT_APPROVED",
              "plan " + planId + " is a draft: POST /api/v1/plans/" + planId + "/approve first");
      case APPLIED -> throw alreadyApplied(stored);
      case APPROVED -> {}
    }
    MigrationPlan plan = PlanJson.read(stored.planJson());
    if (plan.movableCount() == 0) {
      throw new ApiException(
          422, "NOTHING_TO_MOVE", "plan " + planId + " has no VM that can move: see its findings");
    }
    String runId = "run-" + UUID.randomUUID().toString().substring(0, 13);
    BatchRun batch =
        BatchRun.of(runId, plan, profileOf(plan.source()), profileOf(plan.destination()))
            .withOptions(services.runOptions())
            .withListener(services.events().forRun(runId));
    if (stored.evacuation().isPresent()) {
      // As host-evacuate does: the evacuated hosts are disabled first so nothing lands on them.
      StoredPlan.Evacuation evacuation = stored.evacuation().get();
      batch = batch.withHostsToDisable(evacuation.hosts(), evacuation.maintenance());
    }
    if (!store.markApplied(planId, runId)) {
      throw alreadyApplied(plans.find(planId));
    }
    PreparedRun prepared;
    try {
      prepared = batches.prepare(batch, services.gate());
    } catch (RuntimeException e) {
      store.unmarkApplied(planId);
      throw e;
    }
    active.put(
        runId,
        new ActiveRun(runId, planId, services.clock().instant(), plan, prepared.coordinator()));
    runner.execute(() -> run(prepared));
    LOG.log(Level.INFO, () -> "plan " + planId + " applied as " + runId);
    return new Reply.Json(202, ApiJson.object().put("run", runId).put("plan", planId));
  }

  private void run(PreparedRun prepared) {
    try (prepared) {
      prepared.run();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          () -> "run " + prepared.runId() + " stopped: " + e.getClass().getSimpleName());
    } finally {
      active.remove(prepared.runId());
    }
  }

  Reply list(ApiRequest request) {
    ObjectNode answer = ApiJson.object();
    ArrayNode runs = answer.putArray("runs");
    Set<String> listed = new HashSet<>();
    List<RunRecord> records;
    synchronized (journal) {
      records = journal.runs();
    }
    for (ActiveRun run : active.values()) {
      if (records.stream().noneMatch(record -> record.runId().equals(run.runId()))) {
        runs.add(summary(run.runId(), RunStatus.RUNNING, run.startedAt().toString(), run.plan()));
        listed.add(run.runId());
      }
    }
    for (RunRecord record : records) {
      if (listed.add(record.runId())) {
        runs.add(
            summary(
                record.runId(),
                record.status(),
                record.createdAt().toString(),
                PlanJson.read(record.planJson())));
      }
    }
    return Reply.ok(answer);
  }

  Reply get(ApiRequest request) {
    String runId = request.pathParameter("id");
    Optional<RunRecord> record;
    List<MoveState> states;
    synchronized (journal) {
      record = journal.run(runId);
      states = record.isPresent() ? journal.moves(runId) : List.of();
    }
    Optional<ActiveRun> running = Optional.ofNullable(active.get(runId));
    if (record.isEmpty() && running.isEmpty()) {
      throw unknownRun(runId);
    }
    MigrationPlan plan =
        record.map(r -> PlanJson.read(r.planJson())).orElseGet(() -> running.get().plan());
    RunStatus status = record.map(RunRecord::status).orElse(RunStatus.RUNNING);
    ObjectNode answer =
        summary(
            runId,
            status,
            record
                .map(r -> r.createdAt().toString())
                .orElseGet(() -> running.get().startedAt().toString()),
            plan);
    running.ifPresent(run -> answer.put("plan", run.planId()));
    Map<String, LiveMove> live = services.events().live(runId).orElse(Map.of());
    ArrayNode moves = answer.putArray("moves");
    for (MovePlan move : plan.moves()) {
      if (move.verdict() != Verdict.OK) {
        continue;
      }
      MoveState state =
          states.stream()
              .filter(s -> s.vmUuid().equals(move.vmUuid()))
              .findFirst()
              .orElse(MoveState.pending(move.vmUuid()));
      Optional<LiveMove> now = Optional.ofNullable(live.get(move.vmUuid()));
      double percent =
          state.phase() == MovePhase.SUCCEEDED ? 100 : now.map(LiveMove::percent).orElse(0.0);
      ObjectNode node =
          moves
              .addObject()
              .put("vm", move.vmUuid())
              .put("vmName", move.vmName())
              .put("phase", state.phase().name())
              .put("percent", percent)
              .put("bytesPerSecond", now.map(LiveMove::bytesPerSecond).orElse(0.0))
              .put("sourceHost", move.sourceHostName())
              .put("destinationHost", move.destinationHostName())
              .put("outcome", state.outcomeCode());
      ArrayNode params = node.putArray("outcomeParams");
      state.outcomeParams().forEach(params::add);
    }
    return Reply.ok(answer);
  }

  Reply timeline(ApiRequest request) {
    return RunTimeline.of(journal, services.clock(), request.pathParameter("id"));
  }

  Reply cancel(ApiRequest request) {
    String runId = request.pathParameter("id");
    Optional<RunRecord> record;
    synchronized (journal) {
      record = journal.run(runId);
    }
    // The journal first: a run that has just ended may still be on its way out of `active`.
    if (record.isPresent() && record.get().status() != RunStatus.RUNNING) {
      throw new ApiException(
          409,
          "CONFLICT",
          "run "
              + runId
              + " already ended "
              + record.get().status()
              + ": there is nothing to cancel");
    }
    ActiveRun running = active.get(runId);
    if (running != null) {
      running.coordinator().cancel();
      return new Reply.Json(202, ApiJson.object().put("run", runId).put("status", "cancelling"));
    }
    if (record.isEmpty()) {
      throw unknownRun(runId);
    }
    int cancelled;
    synchronized (journal) {
      cancelled = journal.cancelRun(runId);
    }
    return new Reply.Json(
        202,
        ApiJson.object()
            .put("run", runId)
            .put("status", "cancelled")
            .put("movesCancelled", cancelled));
  }

  private static ObjectNode summary(
      String runId, RunStatus status, String createdAt, MigrationPlan plan) {
    return ApiJson.object()
        .put("id", runId)
        .put("status", status.name())
        .put("createdAt", createdAt)
        .put("moves", plan.movableCount())
        .put("source", plan.source().poolName())
        .put("destination", plan.destination().poolName());
  }

  private PoolProfile profileOf(InventoryIdentity identity) {
    try {
      return services.pools().resolve(identity.poolUuid(), "plan");
    } catch (BadRequestException byUuid) {
      try {
        return services.pools().resolve(identity.poolName(), "plan");
      } catch (BadRequestException byName) {
        throw new ApiException(
            422,
            "UNKNOWN_POOL",
            "the plan's pool '"
                + identity.poolName()
                + "' is not in the daemon's pool profile file: add it and plan again");
      }
    }
  }

  private static ApiException alreadyApplied(StoredPlan plan) {
    return new ApiException(
        409,
        "CONFLICT",
        "plan "
            + plan.id()
            + " was already applied as "
            + plan.runId().orElse("a run")
            + ": make a new plan to move again");
  }

  private static ApiException unknownRun(String runId) {
    return new ApiException(
        404, "NOT_FOUND", "no run '" + runId + "': GET /api/v1/runs lists the runs");
  }

  /** Cancels the runs still going and waits (up to two minutes) for their moves to settle. */
  @Override
  public void close() {
    active.values().forEach(run -> run.coordinator().cancel());
    runner.shutdown();
    try {
      runner.awaitTermination(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
