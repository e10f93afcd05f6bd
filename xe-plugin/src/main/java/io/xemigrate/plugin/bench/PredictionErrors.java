package io.xemigrate.plugin.bench;

import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.ScheduledMove;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * How far a schedule's per-move predictions were from the simulator's truth.
 *
 * @param timeP50 median relative error of the total time, |predicted − true| / true
 * @param timeP90 90th percentile of that error
 * @param downtimeP90Ms 90th percentile of the absolute downtime error in milliseconds, over the
 *     moves whose true downtime is under 1 s (0 when there is none)
 * @param compared moves compared (those that succeeded)
 * @param downtimeCompared moves whose true downtime is under 1 s
 */
public record PredictionErrors(
    double timeP50, double timeP90, double downtimeP90Ms, int compared, int downtimeCompared) {

  /** The errors of {@code schedule}'s predictions against {@code replayed}. */
  public static PredictionErrors of(Schedule schedule, Map<String, ReplayedMove> replayed) {
    List<Double> time = new ArrayList<>();
    List<Double> downtime = new ArrayList<>();
    for (ScheduledMove move : schedule.queue()) {
      ReplayedMove truth = replayed.get(move.vmUuid());
      if (truth == null || truth.failure().isPresent() || truth.totalSeconds() <= 0) {
        continue;
      }
      time.add(Math.abs(move.durationSeconds() - truth.totalSeconds()) / truth.totalSeconds());
      if (truth.downtimeSeconds() < 1.0) {
        downtime.add(Math.abs(move.downtimeSeconds() - truth.downtimeSeconds()) * 1000);
      }
    }
    return new PredictionErrors(
        percentile(time, 0.5),
        percentile(time, 0.9),
        percentile(downtime, 0.9),
        time.size(),
        downtime.size());
  }

  /** Nearest-rank percentile; 0 for no values. */
  static double percentile(List<Double> values, double fraction) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(fraction * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
