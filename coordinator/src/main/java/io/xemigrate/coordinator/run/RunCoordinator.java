package io.xemigrate.coordinator.run;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.move.MoveOutcomes;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanHash;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.planner.plan.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a plan against two pools: starts each move when its schedule predecessors have finished and
 * its sending host has a free slot, runs it with a {@link MoveRunner}, and journals everything.
 * {@link #resume} finishes a run that a crash or a stop interrupted, from the journal and a fresh
 * look at both pools. {@link #cancel} asks every move to stop where xapi still allows it.
 */
public final class RunCoordinator {
  private final PoolSide source;
  private final PoolSide destination;
  private final Journal journal;
  private final Clock clock;
  private final RunListener listener;
  private final RunOptions options;
  private final AtomicBoolean cancel = new AtomicBoolean();
  private final AtomicBoolean interrupted = new AtomicBoolean();

  public RunCoordinator(
      PoolSide source,
      PoolSide destination,
      Journal journal,
      Clock clock,
      RunListener listener,
      RunOptions options) {
    this.source = source;
    this.destination = destination;
    this.journal = journal;
    this.clock = clock;
    this.listener = listener;
    this.options = options;
  }

  /**
   * Asks the run to stop: tasks xapi still lets cancel are cancelled, pending moves not started.
   */
  public void cancel() {
    cancel.set(true);
  }

  /**
   * As {@link #cancel}, for a process being stopped (Ctrl-C, SIGTERM) rather than a user's {@code
   * run-cancel}: the moves it stops are journaled {@link MoveOutcomes#INTERRUPTED}, and {@link
   * #resume} starts them again.
   */
  public void interrupt() {
    interrupted.set(true);
    cancel.set(true);
  }

  /**
   * Starts a new run of {@code plan}. When the plan carries a schedule, its queue orders the moves
   * and each move waits for the moves it is scheduled {@code after}.
   */
  public RunSummary apply(String runId, MigrationPlan plan) {
    List<MovePlan> movable =
        plan.moves().stream().filter(move -> move.verdict() == Verdict.OK).toList();
    if (movable.stream().map(MovePlan::vmUuid).distinct().count() < movable.size()) {
      // A VM moves once per run: a plan listing it twice would start two migrations of it.
      throw new BadRequestException("the plan lists a VM twice: nothing started");
    }
    synchronized (journal) {
      journal.startRun(
          runId,
          PlanHash.of(plan),
          PlanJson.canonical(plan),
          movable.stream().map(MovePlan::vmUuid).toList());
    }
    Map<String, MoveState> states = new LinkedHashMap<>();
    movable.forEach(move -> states.put(move.vmUuid(), MoveState.pending(move.vmUuid())));
    return execute(runId, plan, order(movable), predecessors(movable), states);
  }

  /**
   * Finishes a run: every move not in a final phase starts again from its journaled phase with a
   * fresh observation (the transition function settles what the crash left open by where the VM
   * is); moves that needed reconciling are settled again the same way. Nothing moves twice.
   */
  public RunSummary resume(String runId) {
    RunRecord record =
        journal
            .run(runId)
            .orElseThrow(() -> new IllegalArgumentException("no run '" + runId + "'"));
    MigrationPlan plan = PlanJson.read(record.planJson());
    Map<String, MoveState> states = new LinkedHashMap<>();
    for (MoveState state : journal.moves(runId)) {
      states.put(state.vmUuid(), resumedFrom(state));
    }
    List<MovePlan> moves =
        plan.moves().stream().filter(move -> states.containsKey(move.vmUuid())).toList();
    synchronized (journal) {
      journal.finishRun(runId, RunStatus.RUNNING);
    }
    return execute(runId, plan, moves, Map.of(), states);
  }

  /**
   * Where a journaled move starts again. Before hand-off nothing moved the VM and the receive token
   * died with the process: start afresh. A move that needed reconciling or was restarting its VM is
   * settled again by where the VM is, as after a lost task.
   */
  private static MoveState resumedFrom(MoveState state) {
    if (state.phase() == MovePhase.CANCELLED
        && state.outcomeCode().equals(MoveOutcomes.INTERRUPTED)) {
      return new MoveState(
          state.vmUuid(),
          MovePhase.PENDING,
          state.slotWaits(),
          state.reattachAttempts(),
          "",
          ImmutableList.of());
    }
    MovePhase phase =
        switch (state.phase()) {
          case RECEIVING, VALIDATING -> MovePhase.PENDING;
          case NEEDS_RECONCILE, RECOVERING -> MovePhase.MIGRATING;
          case PENDING, MIGRATING, VERIFYING, REATTACHING, SUCCEEDED, SKIPPED, FAILED, CANCELLED ->
              state.phase();
        };
    if (phase == state.phase()) {
      return state;
    }
    return new MoveState(
        state.vmUuid(), phase, state.slotWaits(), state.reattachAttempts(), "", ImmutableList.of());
  }

  private RunSummary execute(
      String runId,
      MigrationPlan plan,
      List<MovePlan> queue,
      Map<String, List<String>> predecessors,
      Map<String, MoveState> states) {
    Instant started = clock.instant();
    listener.runStarted(runId, queue.size());
    SlotGate slots = new SlotGate(options.maxPerSourceHost());
    LinkedBlockingQueue<Object> done = new LinkedBlockingQueue<>();
    RunContext context =
        new RunContext(
            runId,
            source,
            destination,
            journal,
            clock,
            listener,
            slots,
            options,
            cancel,
            new ProgressWatch(clock, done::add));
    OnlineReplanning replanning = new OnlineReplanning(context, plan);
    // Re-planning rewrites the waiting moves' predecessors: a copy the run owns.
    Map<String, List<String>> waitsFor = new HashMap<>(predecessors);
    Map<String, MoveResult> results = new LinkedHashMap<>();
    List<MovePlan> pending = new ArrayList<>();
    for (MovePlan move : queue) {
      MoveState state = states.get(move.vmUuid());
      if (state.phase().isFinal()) {
        results.put(move.vmUuid(), resultOf(move, state));
      } else {
        pending.add(move);
      }
    }
    Set<String> inRun = new HashSet<>();
    queue.forEach(move -> inRun.add(move.vmUuid()));
    ExecutorService workers = Executors.newCachedThreadPool(RunCoordinator::daemon);
    Instant deadline = options.startDeadline();
    int running = 0;
    boolean stop = false;
    RuntimeException crash = null;
    try {
      while (!pending.isEmpty() || running > 0) {
        // The start deadline (a job's window) is read before each round: running moves finish.
        if (!stop && !cancel.get() && crash == null && clock.instant().isBefore(deadline)) {
          running +=
              startReady(
                  pending,
                  inRun,
                  waitsFor,
                  results,
                  running,
                  states,
                  context,
                  plan.intraPool(),
                  workers,
                  done);
        }
        if (running == 0) {
          break;
        }
        Object next = done.take();
        if (next instanceof ProgressWatch.Departure departure) {
          // A running move is slower than planned: order the waiting moves again (none starts
          // here).
          if (!stop && !cancel.get() && crash == null) {
            replanning.replan(departure, pending, waitsFor);
          }
          continue;
        }
        running--;
        if (next instanceof RuntimeException failure) {
          crash = failure;
          continue;
        }
        MoveResult result = (MoveResult) next;
        context.progress().finished(result.vmUuid());
        results.put(result.vmUuid(), result);
        plan.move(result.vmUuid()).ifPresent(move -> slots.release(move.sourceHostUuid()));
        if (!result.ok() && options.stopOnFailure()) {
          stop = true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel.set(true);
    } finally {
      workers.shutdown();
    }
    if (crash != null) {
      throw crash;
    }
    boolean windowClosed = !pending.isEmpty() && !clock.instant().isBefore(deadline);
    if (cancel.get() || windowClosed) {
      String code =
          interrupted.get()
              ? MoveOutcomes.INTERRUPTED
              : cancel.get() ? MoveOutcomes.USER_CANCELLED : RunOptions.WINDOW_CLOSED;
      for (MovePlan move : pending) {
        MoveState cancelled =
            new MoveState(move.vmUuid(), MovePhase.CANCELLED, 0, 0, code, ImmutableList.of());
        synchronized (journal) {
          journal.saveMove(runId, cancelled);
        }
        results.put(move.vmUuid(), resultOf(move, cancelled));
      }
    }
    if (interrupted.get()) {
      // Moves stopped in flight by the interrupt left their VM at the source: resumable too.
      for (MoveResult result : List.copyOf(results.values())) {
        if (result.phase() == MovePhase.CANCELLED
            && result.outcomeCode().equals(MoveOutcomes.USER_CANCELLED)) {
          MoveState stopped =
              new MoveState(
                  result.vmUuid(),
                  MovePhase.CANCELLED,
                  0,
                  0,
                  MoveOutcomes.INTERRUPTED,
                  ImmutableList.of());
          synchronized (journal) {
            journal.saveMove(runId, stopped);
          }
          plan.move(result.vmUuid())
              .ifPresent(move -> results.put(result.vmUuid(), resultOf(move, stopped)));
        }
      }
    }
    ImmutableList<MoveResult> ordered =
        queue.stream()
            .map(move -> results.get(move.vmUuid()))
            .filter(result -> result != null)
            .collect(ImmutableList.toImmutableList());
    RunStatus status = status(ordered, pending.size() > 0 && !cancel.get());
    synchronized (journal) {
      journal.finishRun(runId, status);
    }
    double seconds = Duration.between(started, clock.instant()).toNanos() / 1e9;
    RunSummary summary = new RunSummary(runId, status, ordered, seconds);
    listener.runFinished(summary);
    return summary;
  }

  private static int startReady(
      List<MovePlan> pending,
      Set<String> inRun,
      Map<String, List<String>> predecessors,
      Map<String, MoveResult> results,
      int running,
      Map<String, MoveState> states,
      RunContext context,
      boolean intraPool,
      ExecutorService workers,
      LinkedBlockingQueue<Object> done) {
    int started = 0;
    for (MovePlan move : List.copyOf(pending)) {
      boolean ready =
          predecessors.getOrDefault(move.vmUuid(), List.of()).stream()
              .allMatch(vm -> results.containsKey(vm) || !inRun.contains(vm));
      // Nothing running and nothing ready would stall the run: predecessors are advice then.
      int limit = context.options().maxConcurrent();
      if (limit > 0 && running + started >= limit) {
        break;
      }
      if ((ready || running + started == 0) && context.slots().tryAcquire(move.sourceHostUuid())) {
        pending.remove(move);
        context.progress().begun(move);
        MoveRunner runner = new MoveRunner(context, move, states.get(move.vmUuid()), intraPool);
        workers.execute(
            () -> {
              try {
                done.add(runner.run());
              } catch (RuntimeException e) {
                // A crash (the journal lost, or a test's simulated one): the run stops.
                done.add(e);
              }
            });
        started++;
      }
    }
    return started;
  }

  private static List<MovePlan> order(List<MovePlan> movable) {
    List<MovePlan> ordered = new ArrayList<>(movable);
    // Scheduled moves in queue order, then any unscheduled ones in plan order (a stable sort).
    ordered.sort(
        Comparator.comparingInt(
            move -> move.schedule().scheduled() ? move.schedule().sequence() : Integer.MAX_VALUE));
    return ordered;
  }

  private static Map<String, List<String>> predecessors(List<MovePlan> movable) {
    Map<String, List<String>> map = new HashMap<>();
    movable.forEach(move -> map.put(move.vmUuid(), move.schedule().predecessors()));
    return map;
  }

  private static RunStatus status(List<MoveResult> results, boolean stoppedEarly) {
    if (results.stream().anyMatch(r -> r.phase() == MovePhase.NEEDS_RECONCILE)) {
      return RunStatus.NEEDS_RECONCILE;
    }
    if (results.stream().anyMatch(r -> r.phase() == MovePhase.CANCELLED)) {
      return RunStatus.CANCELLED;
    }
    if (stoppedEarly || results.stream().anyMatch(r -> !r.ok())) {
      return RunStatus.FAILED;
    }
    return RunStatus.SUCCEEDED;
  }

  private static MoveResult resultOf(MovePlan move, MoveState state) {
    return new MoveResult(
        move.vmUuid(), move.vmName(), state.phase(), state.outcomeCode(), state.outcomeParams(), 0);
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "xe-migrate-move");
    thread.setDaemon(true);
    return thread;
  }
}
