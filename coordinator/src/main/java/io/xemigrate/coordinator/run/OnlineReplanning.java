package io.xemigrate.coordinator.run;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.planner.schedule.WaitingQueue;
import io.xemigrate.planner.schedule.WaitingQueue.Entry;
import io.xemigrate.planner.schedule.WaitingQueue.Replan;
import io.xemigrate.planner.schedule.WaitingQueue.Waiting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Re-plans a run's waiting moves when a running move departs from the plan ({@link
 * ProgressWatch.Departure}): the planner's {@link WaitingQueue} orders them again from the running
 * moves' expected ends, the run loop's queue and predecessors take the new order, and the journal
 * gets a {@value #ACTION} step on the departed move naming the order before and after. Only moves
 * not started are touched: a started move keeps what it does, and a move starts once.
 */
final class OnlineReplanning {
  /** The journal's action name of a re-plan (stage DONE, never an intent: nothing is called). */
  static final String ACTION = "Replan";

  /** VM names listed in the journal's note; the rest are counted. */
  private static final int NAMES_SHOWN = 12;

  private final RunContext context;
  private final Optional<WaitingQueue> queue;

  OnlineReplanning(RunContext context, MigrationPlan plan) {
    this.context = context;
    List<MovePlan> movable =
        plan.moves().stream().filter(move -> move.verdict() == Verdict.OK).toList();
    boolean scheduled =
        !movable.isEmpty() && movable.stream().allMatch(move -> move.schedule().scheduled());
    this.queue =
        scheduled
            ? Optional.of(
                WaitingQueue.of(
                    movable.stream()
                        .map(
                            move ->
                                new WaitingQueue.Planned(
                                    move.vmUuid(),
                                    move.sourceHostUuid(),
                                    move.destinationHostUuid(),
                                    move.schedule().startSeconds(),
                                    move.schedule().durationSeconds()))
                        .toList()))
            : Optional.empty();
  }

  /**
   * Re-plans {@code pending} (reordered in place) and the predecessors of its moves. A plan without
   * a schedule has no predictions to depart from: nothing changes.
   */
  void replan(
      ProgressWatch.Departure departure,
      List<MovePlan> pending,
      Map<String, List<String>> predecessors) {
    if (queue.isEmpty() || pending.isEmpty()) {
      return;
    }
    List<MovePlan> before = List.copyOf(pending);
    Map<String, MovePlan> byVm = new HashMap<>();
    List<Waiting> waiting = new ArrayList<>();
    for (MovePlan move : before) {
      byVm.put(move.vmUuid(), move);
      waiting.add(
          new Waiting(
              move.vmUuid(),
              move.sourceHostUuid(),
              move.destinationHostUuid(),
              move.schedule().durationSeconds()));
    }
    Replan replan =
        queue.get().replan(waiting, context.progress().running(), context.progress().observed());
    List<MovePlan> after = new ArrayList<>();
    for (Entry entry : replan.queue()) {
      after.add(byVm.get(entry.vmUuid()));
      predecessors.put(entry.vmUuid(), entry.predecessors());
    }
    pending.clear();
    pending.addAll(after);
    String note = note(departure, before, after);
    // Progress comes only from a task: the departed move is migrating.
    String phase = MovePhase.MIGRATING.name();
    synchronized (context.journal()) {
      context.journal().note(context.runId(), departure.move().vmUuid(), phase, ACTION, note);
    }
    context
        .listener()
        .replanned(
            departure.move(),
            departure.expectedSeconds(),
            ImmutableList.copyOf(before),
            ImmutableList.copyOf(after));
  }

  /**
   * The journal's note: {@code db-01 expected 312 s (plan 140 s); order now a, b, c; was b, a, c}.
   */
  static String note(
      ProgressWatch.Departure departure, List<MovePlan> before, List<MovePlan> after) {
    return String.format(
        Locale.ROOT,
        "%s expected %.0f s (plan %.0f s); order now %s; was %s",
        departure.move().vmName(),
        departure.expectedSeconds(),
        departure.plannedSeconds(),
        names(after),
        names(before));
  }

  private static String names(List<MovePlan> moves) {
    String shown =
        moves.stream().limit(NAMES_SHOWN).map(MovePlan::vmName).collect(Collectors.joining(", "));
    return moves.size() > NAMES_SHOWN
        ? shown + " and " + (moves.size() - NAMES_SHOWN) + " more"
        : shown;
  }
}
