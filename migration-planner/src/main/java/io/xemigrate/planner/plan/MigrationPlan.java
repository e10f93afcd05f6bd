package io.xemigrate.planner.plan;

import io.xemigrate.network.mapping.TransferNetworkChoice;
import io.xemigrate.planner.Finding;
import java.util.List;
import java.util.Optional;

/**
 * A migration plan: an immutable, versioned value that {@link PlanJson} writes and reads and {@link
 * PlanHash} fingerprints. It records the inventories it was computed from, so an executor can
 * refuse a stale plan.
 *
 * @param formatVersion the JSON format's version ({@link #FORMAT_VERSION})
 * @param request what was asked, in one line
 * @param intraPool whether source and destination are the same pool
 * @param findings findings about the plan as a whole (for example the transfer network)
 * @param moves one per VM, in VM UUID order
 * @param schedule the schedule's plan-wide figures, {@link PlanSchedule#unscheduled()} until a
 *     scheduler ran
 */
public record MigrationPlan(
    int formatVersion,
    InventoryIdentity source,
    InventoryIdentity destination,
    String request,
    boolean intraPool,
    TransferNetworkChoice transferNetwork,
    List<Finding> findings,
    List<MovePlan> moves,
    PlanSchedule schedule) {

  /** The current format version; a reader refuses newer ones. */
  public static final int FORMAT_VERSION = 1;

  public MigrationPlan {
    findings = List.copyOf(findings);
    moves = List.copyOf(moves);
    schedule = schedule == null ? PlanSchedule.unscheduled() : schedule;
  }

  /** A plan without a schedule (the planner's output before the scheduler runs). */
  public MigrationPlan(
      int formatVersion,
      InventoryIdentity source,
      InventoryIdentity destination,
      String request,
      boolean intraPool,
      TransferNetworkChoice transferNetwork,
      List<Finding> findings,
      List<MovePlan> moves) {
    this(
        formatVersion,
        source,
        destination,
        request,
        intraPool,
        transferNetwork,
        findings,
        moves,
        PlanSchedule.unscheduled());
  }

  public Optional<MovePlan> move(String vmUuid) {
    return moves.stream().filter(move -> move.vmUuid().equals(vmUuid)).findFirst();
  }

  /** How many moves can go ahead. */
  public long movableCount() {
    return moves.stream().filter(move -> move.verdict() == Verdict.OK).count();
  }

  /** The same plan with each move replaced (for the scheduler to attach schedules). */
  public MigrationPlan withMoves(List<MovePlan> newMoves) {
    return new MigrationPlan(
        formatVersion,
        source,
        destination,
        request,
        intraPool,
        transferNetwork,
        findings,
        newMoves,
        schedule);
  }

  /** The same plan with the scheduler's moves and figures attached. */
  public MigrationPlan withSchedule(List<MovePlan> newMoves, PlanSchedule newSchedule) {
    return new MigrationPlan(
        formatVersion,
        source,
        destination,
        request,
        intraPool,
        transferNetwork,
        findings,
        newMoves,
        newSchedule);
  }
}
