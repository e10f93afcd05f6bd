package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.physics.MigrationTruth;
import io.xemigrate.simulator.physics.RoundTruth;
import io.xemigrate.simulator.workload.HiddenWorld;
import java.util.List;
import java.util.Map;

/** The JSON shape of recorded migrations: seconds as decimals, bytes as integers. */
final class TruthJson {
  private TruthJson() {}

  static List<Map<String, Object>> of(List<MigrationService.Recorded> recorded, HiddenWorld world) {
    ImmutableList.Builder<Map<String, Object>> list = ImmutableList.builder();
    for (MigrationService.Recorded entry : recorded) {
      MigrationTruth truth = entry.truth();
      ImmutableList.Builder<Map<String, Object>> rounds = ImmutableList.builder();
      for (RoundTruth round : truth.rounds()) {
        rounds.add(
            ImmutableMap.of(
                "index", round.index(),
                "bytes", round.bytes(),
                "seconds", seconds(round.nanos()),
                "paused", round.paused()));
      }
      list.add(
          ImmutableMap.<String, Object>builder()
              .put("call", entry.call())
              .put("vm", entry.vmUuid())
              .put("sourceHost", entry.sourceHostUuid())
              .put("destinationHost", entry.destinationHostUuid())
              .put("startedAt", seconds(truth.startedAtNanos()))
              .put("totalSeconds", seconds(truth.totalNanos()))
              .put("diskCopySeconds", seconds(truth.diskCopyNanos()))
              .put("metadataImportSeconds", seconds(truth.metadataImportNanos()))
              .put("precopySeconds", seconds(truth.precopyNanos()))
              .put("downtimeSeconds", seconds(truth.downtimeNanos()))
              .put("diskBytes", truth.diskBytes())
              .put("memoryBytes", truth.memoryBytes())
              .put("liveRounds", truth.liveRounds())
              .put("stopReason", truth.stopReason().name())
              .put("rounds", rounds.build())
              .putAll(workload(world, entry.vmUuid(), truth))
              .buildOrThrow());
    }
    return list.build();
  }

  /** The VM's true workload during the move: its mean dirty rate then and its working set. */
  private static Map<String, Object> workload(
      HiddenWorld world, String vmUuid, MigrationTruth truth) {
    return world
        .vm(vmUuid)
        .<Map<String, Object>>map(
            w ->
                ImmutableMap.of(
                    "trueDirtyBytesPerSecond",
                    w.meanDirtyRate(
                        truth.startedAtNanos(), truth.startedAtNanos() + truth.totalNanos()),
                    "trueWorkingSetBytes",
                    w.workingSetBytes()))
        .orElse(ImmutableMap.of());
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
