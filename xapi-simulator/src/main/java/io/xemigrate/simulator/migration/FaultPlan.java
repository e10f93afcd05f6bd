package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.physics.MigrationPhase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Faults waiting to fire. Migration faults fire once, at the start of their phase, for the first
 * matching migration; connection faults hold for a window of virtual time. Thread-safe.
 */
final class FaultPlan {
  private record Window(String hostUuid, long fromNanos, long untilNanos) {}

  private final List<Fault> armed = new ArrayList<>();
  private final List<Window> refusals = new ArrayList<>();

  synchronized void arm(Fault fault) {
    armed.add(fault);
  }

  synchronized void refuse(String hostUuid, long fromNanos, long untilNanos) {
    refusals.add(new Window(hostUuid, fromNanos, untilNanos));
  }

  /** Takes the armed fault for this VM and phase, if any. */
  synchronized Optional<Fault> take(String vmUuid, MigrationPhase phase) {
    for (Iterator<Fault> it = armed.iterator(); it.hasNext(); ) {
      Fault fault = it.next();
      if (fault.appliesToVm(vmUuid) && fault.kind().phase().equals(Optional.of(phase))) {
        it.remove();
        return Optional.of(fault);
      }
    }
    return Optional.empty();
  }

  /** Whether the host refuses connections at {@code nowNanos}. */
  synchronized boolean refusing(String hostUuid, long nowNanos) {
    return refusals.stream()
        .anyMatch(
            w ->
                w.hostUuid().equals(hostUuid)
                    && w.fromNanos() <= nowNanos
                    && nowNanos < w.untilNanos());
  }

  synchronized List<Fault> armed() {
    return List.copyOf(armed);
  }
}
