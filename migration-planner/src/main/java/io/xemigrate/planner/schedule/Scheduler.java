package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MovePrediction;
import io.xemigrate.planner.predict.MovePredictor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Orders and paces a batch so it ends soonest, then with the least total downtime, then with the
 * higher priorities first.
 *
 * <p>Description: each move is predicted alone (its solo time, the lower bound's unit) and on a
 * shared link (its NICs carrying as many streams as the policy allows). A move that would not
 * converge on the shared link is made exclusive: while it runs, its NICs carry no more streams than
 * fit without anyone getting less than the stream cap (alone, when one stream fills the NIC).
 * Several deterministic list orders (longest first, exclusive moves first or last, busiest host or
 * resource first, priority first, inventory order), each with the policy's limits and with the
 * limits lowered to the streams that fill a NIC (plus 0 or 1), are simulated on the shared links;
 * the best by the objective is then improved by a bounded local search ({@link LocalSearch}).
 *
 * <p>Limitations: a heuristic, not an optimum; the ratio to the lower bound says how far from
 * optimal it can be at most. Moves are independent (no "empty host X first" chains).
 */
public final class Scheduler {
  private final Topology topology;
  private final SchedulerPolicy policy;
  private final MovePredictor predictor;
  private final Objective objective;

  /**
   * The per-host limits tried: as configured, and lowered to the streams that fill the NIC, with 0
   * or 1 more to overlap the next move's setup.
   */
  private static final int[] FILL_VARIANTS = {ConcurrencyLimits.NO_FILL_LIMIT, 0, 1};

  /** A scheduler for this topology and policy; rejects a policy with violations. */
  public Scheduler(Topology topology, SchedulerPolicy policy) {
    this(topology, policy, Objective.BALANCED);
  }

  /**
   * A scheduler for this topology, the policy's limits as {@code objective} sets them ({@link
   * Objective#limit}) and its order of criteria; rejects a policy with violations.
   */
  public Scheduler(Topology topology, SchedulerPolicy requested, Objective objective) {
    SchedulerPolicy policy = objective.limit(requested);
    List<PolicyViolation> violations = policy.validate();
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid scheduler policy: "
              + violations.stream()
                  .map(v -> v.field() + " " + v.code() + ": " + v.message())
                  .collect(Collectors.joining("; ")));
    }
    this.topology = topology;
    this.policy = policy;
    this.objective = objective;
    this.predictor = new MovePredictor(policy.model(), topology.storage());
  }

  /** The predictor the scheduler uses (for solo predictions shown beside a schedule). */
  public MovePredictor predictor() {
    return predictor;
  }

  /** Every move alone on its links, in the given order. */
  public List<MovePrediction> soloPredictions(List<MoveDemand> moves) {
    List<MovePrediction> solo = new ArrayList<>();
    for (MoveDemand move : moves) {
      solo.add(predictor.predict(move, topology.soloRate(move)));
    }
    return solo;
  }

  /** The best schedule found for {@code moves} (given in inventory order). */
  public Schedule schedule(List<MoveDemand> moves) {
    List<MovePrediction> solo = soloPredictions(moves);
    List<Candidate> items = new ArrayList<>();
    for (int i = 0; i < moves.size(); i++) {
      MoveDemand move = moves.get(i);
      MovePrediction shared = predictor.predict(move, sharedRate(move));
      items.add(new Candidate(move, solo.get(i), !shared.converged(), i));
    }
    LowerBound bound = LowerBounds.of(moves, solo, topology, policy.limits());
    Optional<Double> deadline = policy.deadline().map(d -> d.toMillis() / 1000.0);
    ScheduleObjective objective =
        new ScheduleObjective(policy.makespanTolerance(), deadline, this.objective);
    Trials trials = new Trials(topology, policy, bound, deadline);
    Trial best = null;
    for (Exclusivity exclusivity : exclusivities(items)) {
      for (int beyondFill : FILL_VARIANTS) {
        for (CandidateOrder order : CandidateOrder.values()) {
          Trial trial = trials.run(order.sort(items), exclusivity, beyondFill, order.label());
          if (best == null || objective.isBetter(trial.schedule(), best.schedule())) {
            best = trial;
          }
        }
      }
    }
    if (best == null) {
      return new Schedule(Strategy.XE_MIGRATE, "empty", ImmutableList.of(), 0, bound, deadline);
    }
    return new LocalSearch(trials, objective).improve(best).schedule();
  }

  /**
   * The readings of "would not converge on a shared link" worth simulating: without the policy
   * flag, none; otherwise the broad one (every move that does not converge at the shared rate) and,
   * when it differs, the strict one (only those that would converge alone).
   */
  private List<Exclusivity> exclusivities(List<Candidate> items) {
    if (!policy.exclusiveWhenNotConverging()) {
      return List.of(Exclusivity.NONE);
    }
    boolean differ =
        items.stream().anyMatch(c -> Exclusivity.BROAD.applies(c) != Exclusivity.STRICT.applies(c));
    return differ ? List.of(Exclusivity.BROAD, Exclusivity.STRICT) : List.of(Exclusivity.BROAD);
  }

  /**
   * The rate a move gets when both its NICs carry as many streams as the policy allows for a move
   * of its kind.
   */
  private double sharedRate(MoveDemand move) {
    int leavingStreams =
        ConcurrencyLimits.isMigrateSend(move)
            ? Math.min(policy.maxPerSourceHost(), policy.maxMigrateSendPerSourceHost())
            : policy.maxPerSourceHost();
    double leaving = topology.host(move.sourceHostUuid()).nicBytesPerSecond() / leavingStreams;
    double entering =
        topology.host(move.destinationHostUuid()).nicBytesPerSecond()
            / policy.maxPerDestinationHost();
    return Math.min(topology.streamCap(move), Math.min(leaving, entering));
  }

  static double makespan(List<ScheduledMove> queue) {
    double end = 0;
    for (ScheduledMove move : queue) {
      end = Math.max(end, move.endSeconds());
    }
    return end;
  }
}
