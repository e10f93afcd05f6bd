package io.xemigrate.plugin.bench;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.ScheduledMove;
import io.xemigrate.xapi.MigrateReceiveToken;
import io.xemigrate.xapi.MigrationSpec;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.TaskHandle;
import io.xemigrate.xapi.XapiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a {@link Schedule}'s dependency-ordered queue against a simulated pool: a move starts once
 * every predecessor has finished and the previous move in its slot of the sending host has ended;
 * each move is a {@code VM.pool_migrate} task (inside a pool) or {@code host.migrate_receive} then
 * {@code VM.migrate_send} (across pools), followed to its end by the shared {@link TaskWatch}. Then
 * reads what each move really did from the simulator's recorded truth (its control endpoint).
 *
 * <p>The bench has its own replayer, not the coordinator's run loop, because it must also run the
 * baselines' orders, which the coordinator never runs, and needs nothing else of the coordinator
 * (journal, re-checks, retries): a failed move is recorded and its dependents still start.
 */
final class ScheduleReplayer {
  /** Threads sending the calls that start moves; following them needs none. */
  private static final int STARTERS = 16;

  private final PoolClient client;
  private final PoolClient destination;
  private final Map<String, BenchBatch.CrossPoolMove> crossPool;
  private final SimulatorTruth truth;

  /**
   * @param client the sending pool
   * @param destination the receiving pool (the same client for moves inside one pool)
   * @param crossPool how each cross-pool move is sent; a VM not in it moves with {@code
   *     VM.pool_migrate}
   */
  ScheduleReplayer(
      PoolClient client,
      PoolClient destination,
      Map<String, BenchBatch.CrossPoolMove> crossPool,
      SimulatorTruth truth) {
    this.client = client;
    this.destination = destination;
    this.crossPool = crossPool;
    this.truth = truth;
  }

  /** Replays {@code schedule} to its end; one entry per queued move, by VM UUID. */
  ImmutableMap<String, ReplayedMove> replay(Schedule schedule) {
    // Workers only send the calls that start moves (a few short round trips each); every move is
    // then followed by the one shared TaskWatch, so no thread or connection is held per move.
    ExecutorService workers = Executors.newFixedThreadPool(STARTERS);
    Map<String, CompletableFuture<Optional<String>>> moves = new HashMap<>();
    Map<String, CompletableFuture<Optional<String>>> lastInSlot = new HashMap<>();
    try (TaskWatch watch = TaskWatch.start(client)) {
      // The queue is in start order, so every predecessor is already in the map.
      for (ScheduledMove move : schedule.queue()) {
        List<CompletableFuture<Optional<String>>> waits = new ArrayList<>();
        move.predecessors().stream().map(moves::get).filter(f -> f != null).forEach(waits::add);
        CompletableFuture<Optional<String>> previous = lastInSlot.get(slotKey(move));
        if (previous != null) {
          waits.add(previous);
        }
        CompletableFuture<Optional<String>> run =
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
                .thenComposeAsync(ignored -> migrate(move, watch), workers);
        moves.put(move.vmUuid(), run);
        lastInSlot.put(slotKey(move), run);
      }
      CompletableFuture.allOf(moves.values().toArray(CompletableFuture[]::new)).join();
    } finally {
      workers.shutdownNow();
    }
    Map<String, Optional<String>> failures = new HashMap<>();
    moves.forEach((vm, future) -> failures.put(vm, future.join()));
    return truthOf(failures);
  }

  private CompletableFuture<Optional<String>> migrate(ScheduledMove move, TaskWatch watch) {
    BenchBatch.CrossPoolMove send = crossPool.get(move.vmUuid());
    if (send == null) {
      try {
        return follow(
            watch,
            client.poolMigrate(
                move.vmUuid(), move.destinationHostUuid(), ImmutableMap.of("live", "true")));
      } catch (XapiException e) {
        return CompletableFuture.completedFuture(Optional.of(e.getMessage()));
      }
    }
    // Cross-pool: xapi's only way is migrate_send with storage motion, after the destination
    // mints a token; the token's session is closed when the move ends.
    MigrateReceiveToken token;
    try {
      token = destination.migrateReceive(move.destinationHostUuid(), send.networkUuid());
    } catch (XapiException e) {
      return CompletableFuture.completedFuture(Optional.of(e.getMessage()));
    }
    CompletableFuture<Optional<String>> moved;
    try {
      moved =
          follow(
              watch,
              client.migrateSend(
                  new MigrationSpec(
                      move.vmUuid(), true, send.vdiMap(), send.vifMap(), ImmutableMap.of()),
                  token));
    } catch (XapiException e) {
      moved = CompletableFuture.completedFuture(Optional.of(e.getMessage()));
    }
    return moved.whenComplete((outcome, error) -> token.close());
  }

  private static CompletableFuture<Optional<String>> follow(TaskWatch watch, TaskHandle started) {
    return watch
        .ending(started)
        .handle(
            (task, error) -> {
              if (error != null) {
                return Optional.of(started.operation() + ": " + error.getMessage());
              }
              return switch (task.status()) {
                case SUCCESS -> Optional.empty();
                case FAILURE, CANCELLED, PENDING, CANCELLING ->
                    Optional.of(task.status() + " " + task.errorInfo());
              };
            });
  }

  private ImmutableMap<String, ReplayedMove> truthOf(Map<String, Optional<String>> failures) {
    // A VM recorded twice (moved out, then back) counts with its latest move: the one just
    // replayed.
    Map<String, SimulatorTruth.TrueMove> byVm = new HashMap<>();
    for (SimulatorTruth.TrueMove recorded : truth.migrations()) {
      if (failures.containsKey(recorded.vmUuid())) {
        byVm.put(recorded.vmUuid(), recorded);
      }
    }
    double origin =
        byVm.values().stream()
            .mapToDouble(SimulatorTruth.TrueMove::startedAtSeconds)
            .min()
            .orElse(0);
    ImmutableMap.Builder<String, ReplayedMove> replayed = ImmutableMap.builder();
    failures.keySet().stream()
        .sorted()
        .forEach(
            vm -> {
              SimulatorTruth.TrueMove moved = byVm.get(vm);
              Optional<String> failure = failures.get(vm);
              if (failure.isPresent() || moved == null) {
                replayed.put(vm, ReplayedMove.failed(vm, failure.orElse("no truth recorded")));
              } else {
                replayed.put(
                    vm,
                    new ReplayedMove(
                        vm,
                        moved.startedAtSeconds() - origin,
                        moved.totalSeconds(),
                        moved.downtimeSeconds(),
                        moved.converged(),
                        Optional.empty()));
              }
            });
    return replayed.buildOrThrow();
  }

  private static String slotKey(ScheduledMove move) {
    return move.sourceHostUuid() + "/" + move.slot();
  }
}
