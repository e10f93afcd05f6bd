package io.xemigrate.planner.predict;

import com.google.common.collect.ImmutableList;
import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Learns from completed moves by inverting the pre-copy model: what each host pair's stream
 * delivered, and under which dirty profile each VM's measured duration comes out of {@link
 * MovePredictor}. Older runs weigh less: an observation of age a (runs since) weighs {@link
 * #DECAY}^a.
 *
 * <p><b>Stream rate per host pair</b>: for each run, the fastest move of the pair, the second
 * fastest when the run has three or more, so that one mismeasured move cannot set it (its populated
 * memory, with framing, over its duration less the fixed setup, the switch-over and the predicted
 * copy of the disk bytes it sent beyond its memory): the quietest VM's move is the nearest to what
 * one stream carries. The runs' figures are averaged with their weights. The figure replaces the
 * assumed per-stream cap for that pair (it is measured), never more than the NICs.
 *
 * <p><b>Dirtying per VM</b>: populated memory M is the VM's now, disk bytes are what the move sent
 * beyond it, copied as the predictor copies disks ({@link DiskCopyEstimator}). With the kind's
 * writable working set (WWS), the dirty rate is solved so the predicted duration equals the
 * measured one (bisection: the duration grows with the rate). A duration longer than any rate
 * explains at that WWS is a VM that did not converge: the rate is taken above the link's and the
 * WWS grows until the duration fits (each round resends the WWS, the pause sends one). Per VM the
 * weighted geometric mean of the rates and weighted mean of the WWS are kept. xapi reports no
 * pause, so the downtime, when a journal has one, is not used.
 *
 * <p>Limitations: a move that shared its NIC is read as a dirtier VM (and a slower pair when all of
 * the pair's moves shared); what the fixed costs and the disk copy really took is folded into the
 * VM's figures, so they reproduce its duration rather than its rounds.
 */
public final class HistoryFit {
  /**
   * Weight of an observation per run since it: 0.5, so the newest run counts as much as all older.
   */
  public static final double DECAY = 0.5;

  /** A move whose transfer took less than this says more about fixed costs than about rates. */
  static final double MIN_TRANSFER_SECONDS = 2;

  /** Above the link: the rate taken for a VM whose duration shows it did not converge. */
  private static final double NON_CONVERGING_LAMBDA = 4;

  private static final int BISECTIONS = 60;

  /** Time a task's duration may exceed the migration by without it being read as dirtying. */
  static final double TASK_SLACK_SECONDS = 1;

  /** Slack on a VM's least excess time before a slower move of it is left out (2 s). */
  static final double EXCESS_SLACK_SECONDS = 2;

  /**
   * What the fit needs to know about a host pair.
   *
   * @param crossPool whether its moves leave the pool (the larger fixed setup)
   * @param nicBytesPerSecond the least of the two NICs (a stream never exceeds it)
   * @param assumedStreamBytesPerSecond the stream rate assumed when the pair was never observed
   */
  public record Link(
      boolean crossPool, double nicBytesPerSecond, double assumedStreamBytesPerSecond) {}

  private HistoryFit() {}

  /**
   * The stream rates and VM behaviours learned from {@code observed.history()}; figures already in
   * {@code observed}'s maps win over fitted ones. Moves of VMs or hosts not in {@code vms} / {@code
   * links} are skipped.
   */
  public static CalibrationObservations fit(
      CalibrationObservations observed,
      Map<String, Vm> vms,
      Function<HostPair, Optional<Link>> links,
      PrecopyModel model,
      DiskCopyEstimator storage) {
    MovePredictor predictor = new MovePredictor(model, storage);
    Map<HostPair, Double> rates =
        new HashMap<>(streamRates(observed.history(), vms, links, predictor));
    rates.putAll(observed.streamBytesPerSecond());
    Map<String, ObservedVmBehaviour> behaviour =
        new HashMap<>(behaviours(observed.history(), vms, links, rates, predictor));
    behaviour.putAll(observed.vmBehaviour());
    return new CalibrationObservations(rates, behaviour, observed.history());
  }

  /** Per pair, the weighted mean over runs of the run's fastest move. */
  static Map<HostPair, Double> streamRates(
      List<ObservedMove> history,
      Map<String, Vm> vms,
      Function<HostPair, Optional<Link>> links,
      MovePredictor predictor) {
    PrecopyModel model = predictor.model();
    Map<HostPair, Map<Integer, List<Double>>> fastest = new HashMap<>();
    for (ObservedMove move : history) {
      Optional<Link> link = links.apply(move.hosts());
      if (link.isEmpty() || move.bytesSent() <= 0) {
        continue;
      }
      long memory = memoryOf(move, vms.get(move.vmUuid()));
      double disks =
          predictor
              .diskEstimator()
              .estimate(disksOf(move, memory), link.get().assumedStreamBytesPerSecond())
              .totalSeconds();
      double transfer =
          move.seconds()
              - model.setupSecondsFor(link.get().crossPool())
              - model.switchOverSeconds()
              - disks;
      if (!(transfer >= MIN_TRANSFER_SECONDS)) {
        continue;
      }
      double rate = Math.min(link.get().nicBytesPerSecond(), model.wireBytes(memory) / transfer);
      fastest
          .computeIfAbsent(move.hosts(), pair -> new HashMap<>())
          .computeIfAbsent(move.age(), age -> new ArrayList<>())
          .add(rate);
    }
    Map<HostPair, Double> rates = new HashMap<>();
    fastest.forEach(
        (pair, byAge) -> {
          double sum = 0;
          double weights = 0;
          for (Map.Entry<Integer, List<Double>> run : byAge.entrySet()) {
            double weight = Math.pow(DECAY, run.getKey());
            sum += weight * fastestTrusted(run.getValue());
            weights += weight;
          }
          rates.put(pair, sum / weights);
        });
    return rates;
  }

  /**
   * A run's fastest move of a pair, or its second fastest when it has three or more: one move whose
   * duration was mismeasured (a lost task timed by another clock) must not set the rate.
   */
  private static double fastestTrusted(List<Double> rates) {
    List<Double> sorted = rates.stream().sorted(java.util.Comparator.reverseOrder()).toList();
    return sorted.get(sorted.size() >= 3 ? 1 : 0);
  }

  /** One observation fitted: the profile, its weight, and the time beyond a quiet move's. */
  private record Fitted(DirtyProfile profile, double weight, double excessSeconds) {}

  private static Map<String, ObservedVmBehaviour> behaviours(
      List<ObservedMove> history,
      Map<String, Vm> vms,
      Function<HostPair, Optional<Link>> links,
      Map<HostPair, Double> rates,
      MovePredictor predictor) {
    Map<String, List<Fitted>> fits = new HashMap<>();
    for (ObservedMove move : history) {
      Vm vm = vms.get(move.vmUuid());
      Optional<Link> link = links.apply(move.hosts());
      if (vm == null
          || link.isEmpty()
          || move.hosts().sourceHostUuid().equals(move.hosts().destinationHostUuid())) {
        continue;
      }
      double rate =
          Math.min(
              link.get().nicBytesPerSecond(),
              rates.getOrDefault(move.hosts(), link.get().assumedStreamBytesPerSecond()));
      DirtyProfile profile = invert(move, vm, link.get().crossPool(), rate, predictor);
      double quiet =
          duration(move, vm, link.get().crossPool(), rate, predictor).apply(new DirtyProfile(0, 0));
      fits.computeIfAbsent(move.vmUuid(), uuid -> new ArrayList<>())
          .add(new Fitted(profile, move.weight(), Math.max(0, move.seconds() - quiet)));
    }
    Map<String, ObservedVmBehaviour> result = new HashMap<>();
    fits.forEach((uuid, fitted) -> result.put(uuid, combined(fitted)));
    return result;
  }

  /**
   * The weighted means of a VM's fits, leaving out the moves that took clearly longer than its
   * quickest: time is only ever added to a migration (the toolstack's queue, a shared NIC, xapi's
   * whole-second task times), so the quickest moves are the truest. Kept: an excess over a quiet
   * move of at most 1.5 times the least excess plus {@link #EXCESS_SLACK_SECONDS}.
   */
  private static ObservedVmBehaviour combined(List<Fitted> fitted) {
    double least = fitted.stream().mapToDouble(Fitted::excessSeconds).min().orElse(0);
    double logRate = 0;
    double wws = 0;
    double weights = 0;
    for (Fitted fit : fitted) {
      if (fit.excessSeconds() > 1.5 * least + EXCESS_SLACK_SECONDS) {
        continue;
      }
      logRate += fit.weight() * Math.log(Math.max(1, fit.profile().rateBytesPerSecond()));
      wws += fit.weight() * fit.profile().writableWorkingSetBytes();
      weights += fit.weight();
    }
    return new ObservedVmBehaviour(
        Math.exp(logRate / weights), (long) (wws / weights), fitted.size());
  }

  /** The dirty profile under which {@code move}'s measured duration comes out of the model. */
  static DirtyProfile invert(
      ObservedMove move, Vm vm, boolean crossPool, double rate, MovePredictor predictor) {
    long memory = memoryOf(move, vm);
    // What xapi's task adds around the copy (its whole seconds, the toolstack's own steps) is not
    // the VM's dirtying: a move within that much of a quiet one is quiet.
    double measured = move.seconds() - TASK_SLACK_SECONDS;
    Function<DirtyProfile, Double> duration = duration(move, vm, crossPool, rate, predictor);
    long wws = DirtyRateEstimator.kindOf(vm).writableWorkingSetBytes(memory);
    double busy = NON_CONVERGING_LAMBDA * rate / (1 + predictor.model().wireOverheadFraction());
    if (duration.apply(new DirtyProfile(0, wws)) >= measured) {
      return new DirtyProfile(0, wws);
    }
    if (duration.apply(new DirtyProfile(busy, wws)) >= measured) {
      double low = 0;
      double high = busy;
      for (int i = 0; i < BISECTIONS; i++) {
        double mid = (low + high) / 2;
        if (duration.apply(new DirtyProfile(mid, wws)) < measured) {
          low = mid;
        } else {
          high = mid;
        }
      }
      return new DirtyProfile((low + high) / 2, wws);
    }
    double low = wws;
    double high = memory;
    if (duration.apply(new DirtyProfile(busy, memory)) < measured) {
      return new DirtyProfile(busy, memory);
    }
    for (int i = 0; i < BISECTIONS; i++) {
      double mid = (low + high) / 2;
      if (duration.apply(new DirtyProfile(busy, (long) mid)) < measured) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return new DirtyProfile(busy, (long) ((low + high) / 2));
  }

  /** The predicted duration of {@code move} as a function of the VM's dirty profile. */
  private static Function<DirtyProfile, Double> duration(
      ObservedMove move, Vm vm, boolean crossPool, double rate, MovePredictor predictor) {
    long memory = memoryOf(move, vm);
    ImmutableList<DiskCopy> disks = disksOf(move, memory);
    return profile ->
        predictor
            .predict(
                new MoveDemand(
                    move.vmUuid(),
                    move.hosts().sourceHostUuid(),
                    move.hosts().destinationHostUuid(),
                    memory,
                    profile,
                    disks,
                    0,
                    crossPool),
                rate)
            .totalSeconds();
  }

  /** The VM's populated memory now, or all the move sent when the VM shows none. */
  private static long memoryOf(ObservedMove move, Vm vm) {
    long memory = vm == null ? 0 : DirtyRateEstimator.populatedMemory(vm);
    return memory > 0 ? Math.min(memory, move.bytesSent()) : move.bytesSent();
  }

  /** What the move sent beyond the memory, as one disk copy (none when nothing was). */
  private static ImmutableList<DiskCopy> disksOf(ObservedMove move, long memory) {
    long bytes = move.bytesSent() - memory;
    return bytes <= 0
        ? ImmutableList.of()
        : ImmutableList.of(new DiskCopy(move.vmUuid() + "/disks", bytes, "", ""));
  }
}
