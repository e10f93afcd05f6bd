package io.xemigrate.coordinator.journal;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.journal.StepRecord.Stage;
import io.xemigrate.coordinator.move.MoveState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every run, move and step, in an SQLite file or a PostgreSQL database
 * ({@link StoreLocation}), kept by what it stores: {@link RunStore} (runs and the state of their
 * moves), {@link StepLog} (intents and completions), {@link CompletedMoves} (measurements for
 * calibration) and {@link HostHolds} (hosts a run disabled). The tables are created and migrated by
 * {@link JournalSchema}.
 *
 * <p>Each step is written before it happens (an intent) and after (done or failed), each write in
 * its own transaction with {@code synchronous=FULL}, so that after a crash {@code run-resume} knows
 * exactly which steps may have happened and settles them by reading both pools. Nothing secret is
 * ever written: the API takes phase names, action names and xapi error codes only.
 *
 * <p>Not thread-safe by itself: the coordinator owns one journal and writes from its run loop.
 */
public final class Journal implements AutoCloseable {
  /** The outcome code of a move the user cancelled, as the coordinator writes it on Ctrl-C. */
  public static final String USER_CANCELLED = "USER_CANCELLED";

  private final JournalDatabase database;
  private final RunStore runs;
  private final StepLog steps;
  private final CompletedMoves completed;
  private final HostHolds holds;

  private Journal(JournalDatabase database, Clock clock) {
    this.database = database;
    this.runs = new RunStore(database, clock);
    this.steps = new StepLog(database, runs, clock);
    this.completed = new CompletedMoves(database);
    this.holds = new HostHolds(database, clock);
  }

  /** Opens (or creates) the journal file; its folder is created when missing. */
  public static Journal open(Path file, Clock clock) {
    return new Journal(JournalDatabase.open(file), clock);
  }

  /** Opens the journal in an SQLite file or a PostgreSQL database. */
  public static Journal open(StoreLocation location, Clock clock) {
    return new Journal(JournalDatabase.open(location), clock);
  }

  /** Where the journal is kept: the leases of its runs are taken in the same database. */
  public StoreLocation location() {
    return database.location();
  }

  /** Records a new run with every move PENDING, in one transaction. */
  public void startRun(String runId, String planHash, String planJson, List<String> vmUuids) {
    runs.startRun(runId, planHash, planJson, vmUuids);
  }

  /**
   * Writes the intent of a step and the move's state it acts from (one transaction), before the
   * action runs. Returns the step's id. Saving the state here matters for a crash between the call
   * and its completion: a resumed move then starts from the phase the call put it in (for {@code
   * StartMigration}, MIGRATING: handed off, never sent again).
   */
  public long intend(String runId, MoveState state, String action) {
    return steps.intend(runId, state, action);
  }

  /** Completes a step and saves the move's new state, in one transaction. */
  public void complete(long stepId, String runId, MoveState next, Stage stage, String detail) {
    steps.complete(stepId, runId, next, stage, detail);
  }

  /**
   * Writes a step that calls nothing and changes no move's state, already DONE: a re-plan of the
   * run's waiting moves, journaled on the move that caused it, with a note of the new order.
   */
  public void note(String runId, String vmUuid, String phase, String action, String detail) {
    steps.note(runId, vmUuid, phase, action, detail);
  }

  /** Saves a move's state without a step (a transition that needs no action). */
  public void saveMove(String runId, MoveState state) {
    runs.saveMove(runId, state);
  }

  public void finishRun(String runId, RunStatus status) {
    runs.finishRun(runId, status);
  }

  /**
   * Marks a run cancelled by the user (run-cancel): its moves that were not handed off to xapi
   * (PENDING, RECEIVING, VALIDATING) become CANCELLED, so that a resume does not start them, and
   * the run becomes CANCELLED. Moves already handed off keep their phase: a resume settles them by
   * where the VM is. Returns how many moves were cancelled.
   */
  public int cancelRun(String runId) {
    return runs.cancelRun(runId);
  }

  public void recordCompleted(CompletedMove move) {
    completed.recordCompleted(move);
  }

  /**
   * Records what a run did to a host it disabled. {@code DISABLED} is written before the call, so
   * that after a crash {@code host-restore} knows the host may be disabled by this run.
   */
  public void holdHost(String runId, String poolUuid, String hostUuid, RunHost.HostState state) {
    holds.holdHost(runId, poolUuid, hostUuid, state);
  }

  /** The hosts a run disabled, in host UUID order. */
  public ImmutableList<RunHost> hosts(String runId) {
    return holds.hosts(runId);
  }

  public Optional<RunRecord> run(String runId) {
    return runs.run(runId);
  }

  /** Every run, newest first. */
  public ImmutableList<RunRecord> runs() {
    return runs.runs();
  }

  /** The moves of a run, in VM UUID order. */
  public ImmutableList<MoveState> moves(String runId) {
    return runs.moves(runId);
  }

  /** Steps whose intent was written but whose completion was not: what a crash interrupted. */
  public ImmutableList<StepRecord> unfinishedSteps(String runId) {
    return steps.unfinishedSteps(runId);
  }

  /** Every step of a run, in order. */
  public ImmutableList<StepRecord> steps(String runId) {
    return steps.steps(runId);
  }

  /** Completed moves, for calibrating the predictor. */
  public ImmutableList<CompletedMove> completedMoves() {
    return completed.completedMoves();
  }

  @Override
  public void close() {
    database.close();
  }
}
