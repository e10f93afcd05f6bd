package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.physics.MigrationPhase;
import io.xemigrate.simulator.physics.MigrationSpec;
import io.xemigrate.simulator.physics.MigrationTruth;
import io.xemigrate.simulator.physics.PhysicsEvent;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.XapiException;
import java.util.Map;
import java.util.Optional;

/**
 * Follows one migration through the physics: publishes task progress, honours cancellation while
 * the task allows it, and calls back at the start of each phase, where the caller changes the store
 * and where injected faults fire. On any failure the physics flow is stopped.
 */
final class MigrationRun {
  /** Called at the start of each phase; may throw to fail the migration there. */
  @FunctionalInterface
  interface PhaseListener {
    void enter(MigrationPhase phase);
  }

  private final MigrationService service;
  private final PoolRuntime taskPool;
  private final Optional<String> task;
  private MigrationPhase reached = MigrationPhase.DISK_COPY;
  private double published = -1;
  private boolean diskRunOpen;

  MigrationRun(MigrationService service, PoolRuntime taskPool, Optional<String> task) {
    this.service = service;
    this.taskPool = taskPool;
    this.task = task;
  }

  /** The last phase the migration entered. */
  MigrationPhase reached() {
    return reached;
  }

  /** Runs the flow to its end and returns its truth. */
  MigrationTruth run(MigrationSpec spec, Map<String, Double> capacities, PhaseListener listener) {
    MigrationDriver driver = service.driver();
    driver.start(spec, capacities);
    try {
      while (true) {
        Optional<PhysicsEvent> event = driver.nextEvent(spec.id());
        if (task.isPresent() && reached != MigrationPhase.DONE && cancelling()) {
          throw XapiException.of("TASK_CANCELLED", task.get());
        }
        if (event.isPresent()) {
          reached = event.get().phase();
          listener.enter(reached);
          publishBoundary(reached);
          if (reached == MigrationPhase.DONE) {
            return driver.truth(spec.id()).orElseThrow();
          }
        }
        // Only progress of the phase this worker has caught up with, so the runs never interleave.
        driver
            .progress(spec.id())
            .filter(p -> p.phase() == reached)
            .ifPresent(p -> publish(p.phase(), p.taskProgress()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      driver.abort(spec.id());
      throw XapiException.of("INTERNAL_ERROR", "interrupted");
    } catch (RuntimeException e) {
      driver.abort(spec.id());
      throw e;
    }
  }

  /**
   * The ends of the two 0→1 runs are published at the phase changes themselves, so a task observer
   * sees 0, 1, 0, 1 however late this worker looks at the physics.
   */
  private void publishBoundary(MigrationPhase phase) {
    switch (phase) {
      case DISK_COPY -> {
        diskRunOpen = true;
        publish(phase, 0.0);
      }
      case METADATA_IMPORT -> closeDiskRun(phase);
      case MEMORY_PRECOPY -> {
        closeDiskRun(phase);
        publish(phase, 0.0);
      }
      case STOP_AND_COPY -> {}
      case SWITCH_OVER -> publish(phase, 1.0);
      case DONE -> {}
    }
  }

  private void closeDiskRun(MigrationPhase phase) {
    if (diskRunOpen) {
      diskRunOpen = false;
      publish(phase, 1.0);
    }
  }

  private boolean cancelling() {
    try {
      return taskPool.tasks().isCancelling(task.get());
    } catch (XapiException e) {
      return false;
    }
  }

  /** Progress events only when the value moved by a percent, or when the memory run restarts. */
  private void publish(MigrationPhase phase, double progress) {
    if (task.isEmpty() || phase == MigrationPhase.DONE) {
      return;
    }
    if (Math.abs(progress - published) < 0.01 && progress < 1.0) {
      return;
    }
    published = progress;
    quietly(() -> taskPool.tasks().progress(task.get(), progress));
  }

  /** Updates the task unless it vanished (a toolstack restart forgets every task). */
  void quietly(Runnable update) {
    try {
      update.run();
    } catch (XapiException e) {
      if (!e.code().equals("HANDLE_INVALID")) {
        throw e;
      }
    }
  }
}
