package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MovePrediction;
import io.xemigrate.planner.predict.MovePredictor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Several deterministic list orders (longest first, exclusive moves first or last, busiest host
 * first, priority first, inventory order), each with the policy's limits and with the limits
 * lowered to the streams that fill a NIC, are simulated on the shared links; the best by the
 * objective is kept.
 *
 * <p>Limitations: a heuristic, not an optimum; the ratio to the lower bound says how far from
 * optimal it can be at most. Moves are independent (no "empty host X first" chains).
 */
public final class Scheduler {
  private final Topology topology;
  private final SchedulerPolicy policy;
  private final MovePredictor predictor;

  /**
   * The per-host limits tried: as configured, and lowered to the streams that fill the NIC, with 0
   * or 1 more to overlap the next move's setup.
   */
  private static final int[] FILL_VARIANTS = {ConcurrencyLimits.NO_FILL_LIMIT, 0, 1};

  /** Most local-search simulations for a small batch. */
  private static final int MAX_IMPROVEMENT_STEPS = 96;

  /** Simulated moves the local search may spend in all (its budget for a large batch). */
  private static final int IMPROVEMENT_MOVES = 20_000;

  /** A scheduler for this topology and policy; rejects a policy with violations. */
  public Scheduler(Topology topology, SchedulerPolicy policy) {
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
    ScheduleObjective objective = new ScheduleObjective(policy.makespanTolerance(), deadline);
    Trial best = null;
    for (Exclusivity exclusivity : exclusivities(items)) {
      for (int beyondFill : FILL_VARIANTS) {
        for (CandidateOrder order : CandidateOrder.values()) {
          Trial trial =
              simulate(order.sort(items), exclusivity, beyondFill, order.label(), bound, deadline);
          if (best == null || objective.isBetter(trial.schedule(), best.schedule())) {
            best = trial;
          }
        }
      }
    }
    if (best == null) {
      return new Schedule(Strategy.XE_MIGRATE, "empty", ImmutableList.of(), 0, bound, deadline);
    }
    return improve(best, objective, bound, deadline).schedule();
  }

  /**
   * Local search from the best list: swaps neighbours, from the tail of the list (which decides the
   * makespan) towards its head, keeping each swap that improves the objective, within a budget of
   * simulations that shrinks as batches grow (about 20,000 simulated moves).
   */
  private Trial improve(
      Trial start, ScheduleObjective objective, LowerBound bound, Optional<Double> deadline) {
    int size = start.order().size();
    int budget = size < 2 ? 0 : Math.min(MAX_IMPROVEMENT_STEPS, IMPROVEMENT_MOVES / size);
    Trial best = start;
    int accepted = 0;
    boolean improved = true;
    while (improved && budget > 0) {
      improved = false;
      for (int i = size - 2; i >= 0 && budget > 0; i--, budget--) {
        List<Candidate> swapped = new ArrayList<>(best.order());
        Collections.swap(swapped, i, i + 1);
        Trial trial =
            simulate(
                swapped, best.exclusivity(), best.beyondFill(), start.label(), bound, deadline);
        // Never let the makespan creep up: within the tolerance, each accepted swap could add 1 %.
        if (objective.isBetter(trial.schedule(), best.schedule())
            && trial.schedule().makespanSeconds() <= best.schedule().makespanSeconds()) {
          best = trial;
          accepted++;
          improved = true;
        }
      }
    }
    if (accepted == 0) {
      return best;
    }
    Schedule schedule = best.schedule();
    String heuristic = schedule.heuristic() + ", then " + accepted + " improving swaps";
    return new Trial(
        best.order(),
        best.exclusivity(),
        best.beyondFill(),
        best.label(),
        new Schedule(
            schedule.strategy(),
            heuristic,
            schedule.queue(),
            schedule.makespanSeconds(),
            schedule.lowerBound(),
            schedule.deadlineSeconds()));
  }

  private Trial simulate(
      List<Candidate> ordered,
      Exclusivity exclusivity,
      int beyondFill,
      String orderLabel,
      LowerBound bound,
      Optional<Double> deadline) {
    boolean[] exclusive = new boolean[ordered.size()];
    for (int i = 0; i < exclusive.length; i++) {
      exclusive[i] = exclusivity.applies(ordered.get(i));
    }
    ImmutableList<ScheduledMove> queue =
        BatchSimulation.run(
            ordered.stream().map(Candidate::move).toList(),
            exclusive,
            policy.limits().withStreamsBeyondFill(beyondFill),
            topology,
            policy.model());
    String heuristic = orderLabel + ", " + exclusivity.label() + fillLabel(beyondFill);
    return new Trial(
        ordered,
        exclusivity,
        beyondFill,
        orderLabel,
        new Schedule(Strategy.XE_MIGRATE, heuristic, queue, makespan(queue), bound, deadline));
  }

  /** One simulated candidate: the list, how it was run, and the schedule it gave. */
  private record Trial(
      List<Candidate> order,
      Exclusivity exclusivity,
      int beyondFill,
      String label,
      Schedule schedule) {}

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

  private static String fillLabel(int beyondFill) {
    if (beyondFill == ConcurrencyLimits.NO_FILL_LIMIT) {
      return "";
    }
    return beyondFill == 0 ? ", link-filling limits" : ", link-filling limits + " + beyondFill;
  }

  static double makespan(List<ScheduledMove> queue) {
    double end = 0;
    for (ScheduledMove move : queue) {
      end = Math.max(end, move.endSeconds());
    }
    return end;
  }

  /**
   * A move with what the orders sort on.
   *
   * @param notConvergingShared whether it would not converge with its NICs shared
   */
  record Candidate(
      MoveDemand move, MovePrediction solo, boolean notConvergingShared, int inventoryIndex) {

    boolean exclusive() {
      return Exclusivity.BROAD.applies(this);
    }
  }

  /** Which moves get an unshared stream. */
  enum Exclusivity {
    /** Every move that would not converge on a shared link. */
    BROAD("unshared stream for every move not converging when shared"),
    /** Only moves that would converge alone but not when shared. */
    STRICT("unshared stream for moves converging only alone"),
    /** None (the policy turned exclusivity off). */
    NONE("no unshared streams");

    private final String label;

    Exclusivity(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    boolean applies(Candidate candidate) {
      return switch (this) {
        case BROAD -> candidate.notConvergingShared();
        case STRICT -> candidate.notConvergingShared() && candidate.solo().converged();
        case NONE -> false;
      };
    }
  }

  /** The list orders the scheduler tries; ties always fall back to the VM UUID. */
  enum CandidateOrder {
    LONGEST_FIRST("longest first"),
    EXCLUSIVE_FIRST("exclusive first, then longest"),
    EXCLUSIVE_LAST("exclusive last, then longest"),
    BUSIEST_HOST_FIRST("busiest sending host first, then longest"),
    PRIORITY_FIRST("priority first, then longest"),
    INVENTORY("inventory order");

    private final String label;

    CandidateOrder(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    List<Candidate> sort(List<Candidate> items) {
      Comparator<Candidate> longest =
          Comparator.comparingDouble((Candidate c) -> -c.solo().totalSeconds())
              .thenComparing(c -> c.move().vmUuid());
      Comparator<Candidate> comparator =
          switch (this) {
            case LONGEST_FIRST -> longest;
            case EXCLUSIVE_FIRST ->
                Comparator.comparing((Candidate c) -> !c.exclusive()).thenComparing(longest);
            case EXCLUSIVE_LAST ->
                Comparator.comparing(Candidate::exclusive).thenComparing(longest);
            case BUSIEST_HOST_FIRST -> busiestHostFirst(items).thenComparing(longest);
            case PRIORITY_FIRST ->
                Comparator.comparingInt((Candidate c) -> -c.move().priority())
                    .thenComparing(longest);
            case INVENTORY -> Comparator.comparingInt(Candidate::inventoryIndex);
          };
      return items.stream().sorted(comparator).toList();
    }

    private static Comparator<Candidate> busiestHostFirst(List<Candidate> items) {
      Map<String, Double> work = new HashMap<>();
      for (Candidate c : items) {
        work.merge(c.move().sourceHostUuid(), c.solo().totalSeconds(), Double::sum);
      }
      return Comparator.comparingDouble((Candidate c) -> -work.get(c.move().sourceHostUuid()))
          .thenComparing(c -> c.move().sourceHostUuid());
    }
  }
}
