package io.xemigrate.planner.schedule;

import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MovePrediction;
import io.xemigrate.storage.estimate.DiskCopy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Computes the makespan lower bound of docs/migration-model.md#lower-bound for a batch under given
 * limits.
 *
 * <p>Each move's solo prediction (alone on both NICs, at its stream cap) is a lower bound on its
 * duration and on its bytes in any schedule: sharing only lowers its rate, which lengthens every
 * round and so every later dirty set. Hence:
 *
 * <ul>
 *   <li>network: for each NIC direction, the solo bytes crossing it over min(B, k·s), with k the
 *       concurrency limit on that side and s the stream cap; for each SR, the disk bytes read from
 *       it (written to it) over its read (write) throughput;
 *   <li>slots: for each limited resource (sending host, receiving host, SR, pool, batch), the sum
 *       of its moves' solo durations over its limit;
 *   <li>chain: the longest solo duration.
 * </ul>
 */
final class LowerBounds {
  private LowerBounds() {}

  /** The bound for {@code moves}, with {@code solo} their solo predictions in the same order. */
  static LowerBound of(
      List<MoveDemand> moves,
      List<MovePrediction> solo,
      Topology topology,
      ConcurrencyLimits limits) {
    Map<String, Double> leavingBytes = new HashMap<>();
    Map<String, Double> enteringBytes = new HashMap<>();
    Map<String, Double> srReadBytes = new HashMap<>();
    Map<String, Double> srWriteBytes = new HashMap<>();
    Map<String, Double> leavingWork = new HashMap<>();
    Map<String, Double> migrateSendWork = new HashMap<>();
    Map<String, Double> enteringWork = new HashMap<>();
    Map<String, Double> srWork = new HashMap<>();
    Map<String, Double> poolWork = new HashMap<>();
    double totalWork = 0;
    double chain = 0;
    for (int i = 0; i < moves.size(); i++) {
      MoveDemand move = moves.get(i);
      MovePrediction prediction = solo.get(i);
      double seconds = prediction.totalSeconds();
      leavingBytes.merge(move.sourceHostUuid(), prediction.bytesSent(), Double::sum);
      enteringBytes.merge(move.destinationHostUuid(), prediction.bytesSent(), Double::sum);
      leavingWork.merge(move.sourceHostUuid(), seconds, Double::sum);
      if (ConcurrencyLimits.isMigrateSend(move)) {
        migrateSendWork.merge(move.sourceHostUuid(), seconds, Double::sum);
      }
      for (DiskCopy disk : move.disks()) {
        srReadBytes.merge(disk.sourceSrUuid(), (double) disk.bytesToCopy(), Double::sum);
        srWriteBytes.merge(disk.destinationSrUuid(), (double) disk.bytesToCopy(), Double::sum);
      }
      enteringWork.merge(move.destinationHostUuid(), seconds, Double::sum);
      poolWork.merge(topology.host(move.sourceHostUuid()).poolUuid(), seconds, Double::sum);
      move.disks().stream()
          .flatMap(disk -> Stream.of(disk.sourceSrUuid(), disk.destinationSrUuid()))
          .distinct()
          .forEach(sr -> srWork.merge(sr, seconds, Double::sum));
      totalWork += seconds;
      chain = Math.max(chain, seconds);
    }
    double network = 0;
    double stream = topology.perStreamCapBytesPerSecond();
    for (Map.Entry<String, Double> entry : leavingBytes.entrySet()) {
      network =
          Math.max(
              network,
              entry.getValue()
                  / capacity(topology, entry.getKey(), limits.perSourceHost(), stream));
    }
    for (Map.Entry<String, Double> entry : enteringBytes.entrySet()) {
      network =
          Math.max(
              network,
              entry.getValue()
                  / capacity(topology, entry.getKey(), limits.perDestinationHost(), stream));
    }
    for (Map.Entry<String, Double> entry : srReadBytes.entrySet()) {
      network =
          Math.max(
              network,
              entry.getValue()
                  / topology.storage().throughputOf(entry.getKey()).readBytesPerSecond());
    }
    for (Map.Entry<String, Double> entry : srWriteBytes.entrySet()) {
      network =
          Math.max(
              network,
              entry.getValue()
                  / topology.storage().throughputOf(entry.getKey()).writeBytesPerSecond());
    }
    double slot = 0;
    slot = Math.max(slot, perLimit(migrateSendWork, limits.migrateSendPerSourceHost()));
    slot = Math.max(slot, perLimit(leavingWork, limits.perSourceHost()));
    slot = Math.max(slot, perLimit(enteringWork, limits.perDestinationHost()));
    slot = Math.max(slot, perLimit(srWork, limits.perSr()));
    slot = Math.max(slot, perLimit(poolWork, limits.perSourcePool()));
    if (limits.total() > 0) {
      slot = Math.max(slot, totalWork / limits.total());
    }
    return new LowerBound(network, slot, chain);
  }

  /** What a NIC direction can carry: its bandwidth, or fewer full streams when limited. */
  private static double capacity(Topology topology, String host, int limit, double stream) {
    double nic = topology.host(host).nicBytesPerSecond();
    return limit > 0 ? Math.min(nic, limit * stream) : nic;
  }

  private static double perLimit(Map<String, Double> work, int limit) {
    if (limit <= 0) {
      return 0;
    }
    double busiest = 0;
    for (double seconds : work.values()) {
      busiest = Math.max(busiest, seconds / limit);
    }
    return busiest;
  }
}
