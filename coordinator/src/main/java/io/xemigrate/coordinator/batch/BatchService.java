package io.xemigrate.coordinator.batch;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.ErrorKind;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.planning.JournalCalibration;
import io.xemigrate.coordinator.planning.PlanDrift;
import io.xemigrate.coordinator.planning.PlanScheduler;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.run.PoolSide;
import io.xemigrate.coordinator.run.RunCoordinator;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.model.PoolInventory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plan a batch and run it, the one way the command line, the HTTP API and the daemon do it:
 *
 * <ol>
 *   <li>{@link #plan}: the planner's verdicts, mappings and placement for the request, scheduled
 *       with the journal's history ({@link JournalCalibration});
 *   <li>{@link #prepare}: take the pools ({@link PoolGate}), connect both, refuse a plan that no
 *       longer fits its pool ({@link PlanDrift}), wire the {@link RunCoordinator};
 *   <li>{@link PreparedRun#run}: hold the hosts, run the moves, release the hosts, the summary.
 * </ol>
 *
 * Each front end keeps only its own concern: arguments and the terminal, HTTP, schedules.
 */
public final class BatchService {
  private final PoolConnector connector;
  private final Journal journal;
  private final Clock clock;

  public BatchService(PoolConnector connector, Journal journal, Clock clock) {
    this.connector = connector;
    this.journal = journal;
    this.clock = clock;
  }

  /** What the journal's completed moves say about the VMs and the links between hosts. */
  public CalibrationObservations calibration() {
    synchronized (journal) {
      return JournalCalibration.of(journal);
    }
  }

  /** Plans {@code input} and schedules the plan with the journal's history. */
  public MigrationPlan plan(PlanningInput input) {
    return schedule(MigrationPlanner.plan(input), input.source(), input.destination());
  }

  /** Schedules a plan with the journal's history. */
  public MigrationPlan schedule(
      MigrationPlan plan, PoolInventory source, PoolInventory destination) {
    return new PlanScheduler(calibration()).schedule(plan, source, destination);
  }

  /**
   * Takes the pools, connects them, checks the plan against the source pool as it is now.
   *
   * @throws CoordinatorException {@code CONFLICT} ({@code POOL_BUSY}, {@code PLAN_STALE}) or {@code
   *     POOL_UNREACHABLE}; nothing is held then
   */
  public PreparedRun prepare(BatchRun batch, PoolGate gate) {
    MigrationPlan plan = batch.plan();
    AutoCloseable lease =
        // A move inside one pool names its pool twice: Set.of would refuse the duplicate.
        gate.acquire(
            ImmutableSet.of(plan.source().poolUuid(), plan.destination().poolUuid()),
            batch.runId());
    List<PoolClient> clients = new ArrayList<>();
    try {
      PoolSide source = PoolSide.open(connect(batch, true, clients));
      Optional<String> drift = PlanDrift.of(plan, source.fresh());
      if (drift.isPresent()) {
        throw new CoordinatorException(
            ErrorKind.CONFLICT,
            "PLAN_STALE",
            "the plan no longer fits its pool (" + drift.get() + "): make a new plan");
      }
      PoolSide destination =
          plan.intraPool() ? source : PoolSide.open(connect(batch, false, clients));
      HostsFirstListener listener = new HostsFirstListener(batch.listener());
      RunCoordinator coordinator =
          new RunCoordinator(source, destination, journal, clock, listener, batch.options());
      return new PreparedRun(
          batch, journal, source, destination, coordinator, listener, clients, lease);
    } catch (RuntimeException e) {
      clients.forEach(PoolClient::close);
      try {
        lease.close();
      } catch (Exception released) {
        e.addSuppressed(released);
      }
      throw e;
    }
  }

  /** {@link #prepare} then {@link PreparedRun#run}, and gives everything back. */
  public RunSummary run(BatchRun batch, PoolGate gate) {
    try (PreparedRun prepared = prepare(batch, gate)) {
      return prepared.run();
    }
  }

  private PoolClient connect(BatchRun batch, boolean source, List<PoolClient> opened) {
    PoolClient client = connector.connect(source ? batch.source() : batch.destination());
    opened.add(client);
    return client;
  }
}
