package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.physics.DiskCopy;
import io.xemigrate.simulator.physics.MigrationSpec;
import io.xemigrate.simulator.physics.MigrationTruth;
import io.xemigrate.simulator.physics.PhysicsEngine;
import io.xemigrate.simulator.physics.PrecopyPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The body of {@code GET /sim/truth/bound}: every recorded migration re-run alone, from the same
 * virtual start time with the same hidden workload and the capacities it started with, and the
 * makespan bound that follows from the truth, not from any prediction.
 *
 * <p>Per move: its solo time and downtime, the bytes it sent alone (memory rounds and disks), the
 * hosts. For the batch: {@code networkSeconds}, the busiest resource (a NIC direction or an SR)
 * with the bytes every move sent alone across it over its capacity; {@code chainSeconds}, the
 * longest solo move. A move sharing a link only gets a lower rate, which lengthens each round and
 * so each later dirty set, so its solo figures are a floor for it, measured at the time it really
 * started (a workload burst at another time could make it slower or faster; injected link faults
 * are not replayed).
 */
final class SoloTruth {
  private SoloTruth() {}

  static Map<String, Object> of(
      List<MigrationService.Recorded> recorded,
      Map<String, MigrationService.Replayable> replayable,
      PrecopyPolicy policy) {
    Map<String, Double> bytesAcross = new HashMap<>();
    Map<String, Double> capacities = new HashMap<>();
    ImmutableList.Builder<Map<String, Object>> moves = ImmutableList.builder();
    double chain = 0;
    for (MigrationService.Recorded entry : recorded) {
      MigrationService.Replayable run = replayable.get(entry.truth().migrationId());
      if (run == null) {
        continue;
      }
      MigrationTruth solo = alone(run, entry.truth().startedAtNanos(), policy);
      double memoryBytes = solo.memoryBytes();
      double diskBytes = solo.diskBytes();
      for (String resource : run.spec().networkResources()) {
        bytesAcross.merge(resource, memoryBytes + diskBytes, Double::sum);
      }
      for (DiskCopy disk : run.spec().disks()) {
        bytesAcross.merge(disk.sourceSr(), (double) disk.physicalUtilisation(), Double::sum);
        bytesAcross.merge(disk.destinationSr(), (double) disk.physicalUtilisation(), Double::sum);
      }
      capacities.putAll(run.capacities());
      chain = Math.max(chain, seconds(solo.totalNanos()));
      moves.add(
          ImmutableMap.<String, Object>builder()
              .put("vm", entry.vmUuid())
              .put("sourceHost", entry.sourceHostUuid())
              .put("destinationHost", entry.destinationHostUuid())
              .put("soloSeconds", seconds(solo.totalNanos()))
              .put("soloDowntimeSeconds", seconds(solo.downtimeNanos()))
              .put("soloBytes", (long) (memoryBytes + diskBytes))
              .buildOrThrow());
    }
    double network = 0;
    for (Map.Entry<String, Double> across : bytesAcross.entrySet()) {
      Double capacity = capacities.get(across.getKey());
      if (capacity != null && capacity > 0) {
        network = Math.max(network, across.getValue() / capacity);
      }
    }
    return ImmutableMap.of(
        "networkSeconds", network, "chainSeconds", chain, "moves", moves.build());
  }

  /** {@code run} alone on fresh links from {@code startNanos} to its end. */
  private static MigrationTruth alone(
      MigrationService.Replayable run, long startNanos, PrecopyPolicy policy) {
    PhysicsEngine engine = new PhysicsEngine(policy, run.capacities());
    MigrationSpec spec = run.spec();
    engine.start(spec, startNanos);
    while (true) {
      Optional<MigrationTruth> truth = engine.truth(spec.id());
      if (truth.isPresent()) {
        return truth.get();
      }
      OptionalLong next = engine.nextEventNanos();
      if (next.isEmpty()) {
        throw new IllegalStateException("migration " + spec.id() + " never ends alone");
      }
      engine.advanceTo(next.getAsLong());
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
