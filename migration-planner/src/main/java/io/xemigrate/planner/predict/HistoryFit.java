package io.xemigrate.planner.predict;

import com.google.common.collect.ImmutableList;
import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.xapi.model.Vm;
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
 * <p><b>Stream rate per host pair</b>: for each run, the fastest move of the pair (its populated
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
    Map<HostPair, Map<Integer, Double>> fastest = new HashMap<>();
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
          .merge(move.age(), rate, Math::max);
    }
    Map<HostPair, Double> rates = new HashMap<>();
    fastest.forEach(
        (pair, byAge) -> {
          double sum = 0;
          double weights = 0;
          for (Map.Entry<Integer, Double> run : byAge.entrySet()) {
            double weight = Math.pow(DECAY, run.getKey());
            sum += weight * run.getValue();
            weights += weight;
          }
          rates.put(pair, sum / weights);
        });
    return rates;
  }

  private static Map<String, ObservedVmBehaviour> behaviours(
      List<ObservedMove> history,
      Map<String, Vm> vms,
      Function<HostPair, Optional<Link>> links,
      Map<HostPair, Double> rates,
      MovePredictor predictor) {
    Map<String, double[]> sums = new HashMap<>();
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
      double[] sum = sums.computeIfAbsent(move.vmUuid(), uuid -> new double[4]);
      double weight = move.weight();
      sum[0] += weight * Math.log(Math.max(1, profile.rateBytesPerSecond()));
      sum[1] += weight * profile.writableWorkingSetBytes();
      sum[2] += weight;
      sum[3] += 1;
    }
    Map<String, ObservedVmBehaviour> result = new HashMap<>();
    sums.forEach(
        (uuid, sum) ->
            result.put(
                uuid,
                new ObservedVmBehaviour(
                    Math.exp(sum[0] / sum[2]), (long) (sum[1] / sum[2]), (int) sum[3])));
    return result;
  }

  /** The dirty profile under which {@code move}'s measured duration comes out of the model. */
  static DirtyProfile invert(
      ObservedMove move, Vm vm, boolean crossPool, double rate, MovePredictor predictor) {
    long memory = memoryOf(move, vm);
    ImmutableList<DiskCopy> disks = disksOf(move, memory);
    double measured = move.seconds();
    Function<DirtyProfile, Double> duration =
        profile ->
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
