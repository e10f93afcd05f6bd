package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import io.xemigrate.simulator.physics.Dirtying;
import io.xemigrate.simulator.workload.VmWorkload;

/**
 * A VM's hidden workload with the changes the control endpoint made to its dirty rate during a run
 * ({@code POST /sim/workloads/dirty}): from each change's instant of virtual time on, the drawn
 * rate is multiplied by the change's factor (a factor is relative to the drawn workload, not to the
 * last change). The migration physics asks it for every round's window, so a change during a
 * migration grows the rounds that follow, as a guest that starts writing harder would.
 */
final class ScaledWorkload implements Dirtying {
  /** From {@code fromNanos} on (until the next change) the drawn rate times {@code factor}. */
  record Change(long fromNanos, double factor) {}

  private final VmWorkload workload;
  private volatile ImmutableList<Change> changes = ImmutableList.of();

  ScaledWorkload(VmWorkload workload) {
    this.workload = workload;
  }

  /** Multiplies the drawn rate by {@code factor} from {@code fromNanos} on. */
  synchronized void scale(long fromNanos, double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("the factor must be a positive number");
    }
    ImmutableList.Builder<Change> kept = ImmutableList.builder();
    for (Change change : changes) {
      if (change.fromNanos() < fromNanos) {
        kept.add(change);
      }
    }
    changes = kept.add(new Change(fromNanos, factor)).build();
  }

  /** The mean true dirty rate over a window, bytes per second, changes included. */
  double meanDirtyRate(long fromNanos, long toNanos) {
    if (toNanos <= fromNanos) {
      return workload.dirtyRateAt(fromNanos) * factorAt(fromNanos);
    }
    return grownBetween(fromNanos, toNanos) / ((toNanos - fromNanos) / 1e9);
  }

  @Override
  public double dirtiedBetween(long fromNanos, long toNanos, long populatedBytes) {
    if (toNanos <= fromNanos) {
      return 0;
    }
    double grown = grownBetween(fromNanos, toNanos);
    return Math.min(grown, Math.min((double) workload.workingSetBytes(), (double) populatedBytes));
  }

  /** Bytes dirtied over the window before the working-set cap, piece by piece between changes. */
  private double grownBetween(long fromNanos, long toNanos) {
    ImmutableList<Change> now = changes;
    double grown = 0;
    long cursor = fromNanos;
    double factor = factorAt(now, fromNanos);
    for (Change change : now) {
      if (change.fromNanos() <= cursor) {
        continue;
      }
      if (change.fromNanos() >= toNanos) {
        break;
      }
      grown += piece(cursor, change.fromNanos(), factor);
      cursor = change.fromNanos();
      factor = change.factor();
    }
    return grown + piece(cursor, toNanos, factor);
  }

  private double piece(long fromNanos, long toNanos, double factor) {
    return factor * workload.meanDirtyRate(fromNanos, toNanos) * (toNanos - fromNanos) / 1e9;
  }

  private double factorAt(long nanos) {
    return factorAt(changes, nanos);
  }

  private static double factorAt(ImmutableList<Change> changes, long nanos) {
    double factor = 1.0;
    for (Change change : changes) {
      if (change.fromNanos() <= nanos) {
        factor = change.factor();
      }
    }
    return factor;
  }
}
