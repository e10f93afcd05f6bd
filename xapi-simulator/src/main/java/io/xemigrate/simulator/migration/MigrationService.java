package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.VirtualClock;
import io.xemigrate.simulator.physics.MigrationSpec;
import io.xemigrate.simulator.physics.MigrationTruth;
import io.xemigrate.simulator.physics.PrecopyPolicy;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The migration side of one simulator: the physics driver, the pools it can move VMs between, the
 * per-host {@code migrate_send} counters, memory reservations for VMs on their way in, injected
 * faults and the recorded truth of finished migrations. {@link #install} adds the migration calls
 * to a pool's dispatch table.
 */
public final class MigrationService implements AutoCloseable {
  /**
   * xapi's hard-coded limit of concurrent {@code migrate_send} per sending host
   * (docs/xapi-behaviour.md#migrate-send S0).
   */
  static final int MAX_STORAGE_MIGRATES = 3;

  /** A finished migration and what really happened. */
  public record Recorded(
      String call,
      String vmUuid,
      String sourceHostUuid,
      String destinationHostUuid,
      MigrationTruth truth) {}

  /** What a finished migration was asked to do, kept to re-run it alone (SoloTruth). */
  record Replayable(MigrationSpec spec, ImmutableMap<String, Double> capacities) {}

  private final VirtualClock clock;
  private final PoolDirectory directory;
  private final MigrationDriver driver;
  private final FaultPlan faults = new FaultPlan();
  private final MigrationChecks checks = new MigrationChecks(this);
  private final FaultActions faultActions = new FaultActions(this);
  private final Map<String, Integer> sending = new HashMap<>();
  private final List<Recorded> recorded = new ArrayList<>();
  private final Map<String, Replayable> replayable = new HashMap<>();
  private final Random backoff = new Random(42);
  private final PhysicsParameters physics = new PhysicsParameters(new PhysicsCatalog());

  public MigrationService(VirtualClock clock, PoolDirectory directory, PrecopyPolicy policy) {
    this.clock = clock;
    this.directory = directory;
    this.driver = new MigrationDriver(clock, policy);
  }

  /** Registers the migration calls on {@code pool}, replacing any stubs of the same names. */
  public void install(PoolRuntime pool) {
    directory.add(pool);
    MigrationMethods.register(pool, this);
  }

  /** Injects a fault now (from the scenario or the control endpoint). */
  public void inject(Fault fault) {
    faultActions.apply(fault);
  }

  /**
   * From now on (virtual time) VM {@code vmUuid}'s true dirty rate is its drawn workload's times
   * {@code factor}; a VM without a hidden workload is refused.
   */
  public void scaleDirtyRate(String vmUuid, double factor) {
    if (vmUuid == null) {
      throw new IllegalArgumentException("no VM given");
    }
    physics
        .catalog()
        .workload(vmUuid)
        .orElseThrow(() -> new IllegalArgumentException("no workload for that VM"))
        .scale(clock.nanos(), factor);
  }

  /** Every finished migration, in finishing order. */
  public synchronized ImmutableList<Recorded> recorded() {
    return ImmutableList.copyOf(recorded);
  }

  VirtualClock clock() {
    return clock;
  }

  PoolDirectory directory() {
    return directory;
  }

  MigrationDriver driver() {
    return driver;
  }

  FaultPlan faults() {
    return faults;
  }

  PhysicsParameters physics() {
    return physics;
  }

  MigrationChecks checks() {
    return checks;
  }

  synchronized void record(Recorded entry) {
    recorded.add(entry);
  }

  /** Records {@code entry} with the spec and capacities it ran with, so it can be re-run alone. */
  synchronized void record(Recorded entry, MigrationSpec spec, Map<String, Double> capacities) {
    recorded.add(entry);
    replayable.put(
        entry.truth().migrationId(), new Replayable(spec, ImmutableMap.copyOf(capacities)));
  }

  /** The spec and capacities of every recorded migration that has them, by migration id. */
  synchronized Map<String, Replayable> replayable() {
    return Map.copyOf(replayable);
  }

  /** S0: at most three at once per sending host; the fourth fails at once. */
  synchronized void acquireSendSlot(String hostRef) {
    int running = sending.getOrDefault(hostRef, 0);
    if (running >= MAX_STORAGE_MIGRATES) {
      throw XapiException.of("TOO_MANY_STORAGE_MIGRATES", Integer.toString(MAX_STORAGE_MIGRATES));
    }
    sending.put(hostRef, running + 1);
  }

  synchronized void releaseSendSlot(String hostRef) {
    sending.merge(hostRef, -1, Integer::sum);
  }

  /**
   * allocate_vm_to_host takes the host operation {@code vm_migrate}, which conflicts with a running
   * evacuation of that host (docs/xapi-behaviour.md#migrate-send,
   * docs/xapi-behaviour.md#evacuation): the move fails at once.
   */
  static void assertHostNotEvacuating(XapiRecord host) {
    host.stringMap("current_operations").entrySet().stream()
        .filter(op -> op.getValue().equals("evacuate"))
        .findFirst()
        .ifPresent(
            op -> {
              throw XapiException.of(
                  "OTHER_OPERATION_IN_PROGRESS", "host", host.ref(), "evacuate", op.getKey());
            });
  }

  /** Reserves memory for a VM on its way in ({@code VM.scheduled_to_be_resident_on}). */
  static void schedule(ObjectStore store, String vmRef, String hostRef) {
    store.set(XapiClass.VM, vmRef, "scheduled_to_be_resident_on", hostRef);
  }

  static void unschedule(ObjectStore store, String vmRef) {
    if (store.find(XapiClass.VM, vmRef).isPresent()) {
      store.set(XapiClass.VM, vmRef, "scheduled_to_be_resident_on", Refs.NULL);
    }
  }

  /**
   * {@code with_vm_operation} (docs/xapi-behaviour.md#migrate-send): runs the lifecycle checks and,
   * while another operation is in progress, retries after a random 1 to 20 s of virtual time for up
   * to 2 h; then marks the VM busy with {@code op} for the duration of {@code body}.
   */
  <T> T withVmOperation(
      PoolRuntime pool,
      String vmRef,
      MigrationOperation op,
      boolean strict,
      String operationKey,
      Optional<String> task,
      Supplier<T> body) {
    PoolView view = new PoolView(pool.store());
    long deadline = clock.nanos() + 2L * 3600 * 1_000_000_000L;
    while (true) {
      Optional<XapiException> refusal =
          pool.store()
              .transact(
                  () -> {
                    XapiRecord vm = view.get(XapiClass.VM, vmRef);
                    Optional<XapiException> error = LifecycleCheck.check(view, vm, op, strict);
                    if (error.isEmpty()) {
                      Map<String, Object> ops = new HashMap<>(vm.map("current_operations"));
                      ops.put(operationKey, op.wireName());
                      pool.store().set(XapiClass.VM, vmRef, "current_operations", ops);
                    }
                    return error;
                  });
      if (refusal.isEmpty()) {
        break;
      }
      XapiException error = refusal.get();
      if (!error.code().equals("OTHER_OPERATION_IN_PROGRESS") || clock.nanos() >= deadline) {
        throw error;
      }
      long pause = (1 + nextBackoffSeconds()) * 1_000_000_000L;
      sleep(pause, () -> task.map(t -> pool.tasks().isCancelling(t)).orElse(false));
      task.ifPresent(t -> pool.tasks().throwIfCancelling(t));
    }
    try {
      return body.get();
    } finally {
      pool.store()
          .transact(
              () ->
                  pool.store()
                      .find(XapiClass.VM, vmRef)
                      .ifPresent(
                          vm -> {
                            Map<String, Object> ops = new HashMap<>(vm.map("current_operations"));
                            ops.remove(operationKey);
                            pool.store().set(XapiClass.VM, vmRef, "current_operations", ops);
                          }));
    }
  }

  private synchronized int nextBackoffSeconds() {
    return backoff.nextInt(20);
  }

  void sleep(long nanos, java.util.function.BooleanSupplier stop) {
    try {
      driver.sleepVirtual(nanos, stop);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw XapiException.of("INTERNAL_ERROR", "interrupted");
    }
  }

  @Override
  public void close() {
    driver.close();
  }
}
