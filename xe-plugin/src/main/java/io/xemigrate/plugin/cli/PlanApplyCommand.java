package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.batch.BatchRun;
import io.xemigrate.coordinator.batch.BatchService;
import io.xemigrate.coordinator.batch.PoolGate;
import io.xemigrate.coordinator.batch.PreparedRun;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.coordinator.planning.PlanDrift;
import io.xemigrate.coordinator.run.RunCoordinator;
import io.xemigrate.planner.Finding;
import io.xemigrate.planner.Severity;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.xapi.model.PoolInventory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * {@code plan-apply plan=FILE [yes=true]}: shows the plan, asks on a terminal, refuses a plan whose
 * pools drifted, then runs it with progress and journals every step.
 */
final class PlanApplyCommand implements Command {
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("'run-'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  @Override
  public String name() {
    return "plan-apply";
  }

  @Override
  public String summary() {
    return "Apply a plan file: move its VMs, with progress and a journal";
  }

  @Override
  public String synopsis() {
    return "plan-apply plan=FILE [yes=true] [pools=FILE] [database=...] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder()
        .add("plan", "yes")
        .addAll(DatabaseArgument.KEYS)
        .addAll(PoolParameters.KEYS)
        .build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    boolean yes = Parameters.bool("yes", arguments.optional("yes").orElse("false"));
    StoreLocation store = DatabaseArgument.of(arguments);
    MigrationPlan plan = read(arguments.required("plan"));
    PoolParameters pools = CommandSupport.pools(arguments, console);
    PoolInventory source =
        pools.connector().loadInventory(RunSession.profileOf(pools, plan.source()));
    Optional<String> drift = drift(plan, source);
    if (drift.isPresent()) {
      console.error(
          "the plan's inventory drifted ("
              + drift.get()
              + "): plan again with vm-migrate-plan or host-evacuate-plan");
      return ExitCode.BAD_INPUT;
    }
    if (!console.json()) {
      show(plan, console);
    }
    if (!Confirmation.confirmed(yes, console, "Apply this plan?")) {
      return ExitCode.BAD_INPUT;
    }
    return apply(plan, pools, store, console, UnaryOperator.identity(), prepared -> {});
  }

  /**
   * Runs {@code plan} through the {@link BatchService}, as the API and the daemon do: {@code shape}
   * adds what the command holds (hosts to disable, hosts to release), {@code after} reports on it
   * once the run has ended. The command line's own concern is the terminal and Ctrl-C. The run is
   * journaled in {@code store} and takes the pool leases there ({@link DatabaseArgument}).
   */
  static ExitCode apply(
      MigrationPlan plan,
      PoolParameters pools,
      StoreLocation store,
      Console console,
      UnaryOperator<BatchRun> shape,
      Consumer<PreparedRun> after) {
    String runId = newRunId();
    try (Journal journal = RunSession.openJournal(store)) {
      BatchService batches = new BatchService(pools.connector(), journal, Clock.systemUTC());
      BatchRun batch =
          shape.apply(
              BatchRun.of(
                      runId,
                      plan,
                      RunSession.profileOf(pools, plan.source()),
                      RunSession.profileOf(pools, plan.destination()))
                  .withListener(Progress.forConsole(console)));
      // The daemon's pool leases, so that one run acts on a pool at a time whoever started it.
      AtomicReference<RunCoordinator> running = new AtomicReference<>();
      PoolGate gate =
          RunLease.gate(
              journal.location(),
              () -> {
                // Someone took the pools over (this process stalled past the lease).
                RunCoordinator coordinator = running.get();
                if (coordinator != null) {
                  coordinator.cancel();
                }
              });
      try (PreparedRun prepared = batches.prepare(batch, gate)) {
        running.set(prepared.coordinator());
        try {
          return RunSession.exitOf(RunSession.cancelOnExit(prepared.coordinator(), prepared::run));
        } finally {
          after.accept(prepared);
        }
      }
    }
  }

  static String newRunId() {
    return RUN_ID.format(ZonedDateTime.now(ZoneOffset.UTC));
  }

  static MigrationPlan read(String file) {
    return PlanFile.read(file);
  }

  /** A movable VM that no longer runs on its planned source host makes the plan stale. */
  static Optional<String> drift(MigrationPlan plan, PoolInventory source) {
    return PlanDrift.of(plan, source);
  }

  static void show(MigrationPlan plan, Console console) {
    console.line(
        plan.request() + ": " + plan.movableCount() + " of " + plan.moves().size() + " VMs move");
    if (plan.intraPool()) {
      console.line(
          "  inside pool " + plan.source().poolName() + ": the VMs move between its hosts");
    }
    for (MovePlan move : plan.moves()) {
      console.line(
          String.format(
              "  %-20s %-10s -> %-10s %s",
              move.vmName(),
              move.sourceHostName(),
              move.destinationHostName().isEmpty() ? "-" : move.destinationHostName(),
              move.verdict() == Verdict.OK
                  ? String.format("~%d s", Math.round(move.schedule().durationSeconds()))
                  : "BLOCKED " + String.join(",", blockerCodes(move))));
    }
  }

  /** The distinct codes of a move's blockers, in the plan's order. */
  static List<String> blockerCodes(MovePlan move) {
    return move.findings().stream()
        .filter(finding -> finding.severity() == Severity.BLOCKER)
        .map(Finding::code)
        .distinct()
        .toList();
  }
}
