package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.rpc.CallContext;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * {@code host.evacuate}, {@code host.assert_can_evacuate} and {@code
 * host.get_vms_which_prevent_evacuation} (docs/xapi-behaviour.md#evacuation). HA and WLB are not
 * modelled.
 */
final class Evacuation {
  /** xapi.conf {@code evacuation-batch-size}. */
  static final int DEFAULT_BATCH = 10;

  /** One VM's plan entry: a target host or the error that keeps it in place. */
  record Entry(Optional<String> host, Optional<XapiException> error) {}

  private final MigrationService service;
  private final PoolMigrate poolMigrate;

  Evacuation(MigrationService service, PoolMigrate poolMigrate) {
    this.service = service;
    this.poolMigrate = poolMigrate;
  }

  /** {@code compute_evacuation_plan_no_wlb}. */
  static Map<String, Entry> plan(PoolView view, XapiRecord host) {
    Map<String, Entry> plan = new LinkedHashMap<>();
    List<XapiRecord> targets =
        view.store()
            .where(
                XapiClass.HOST,
                h ->
                    h.bool("enabled")
                        && !h.ref().equals(host.ref())
                        && SoftwareVersions.destinationNotOlder(
                            host.stringMap("software_version"), h.stringMap("software_version")));
    ImmutableList<XapiRecord> guests = view.residentGuests(host.ref());
    if (targets.isEmpty()) {
      guests.forEach(vm -> plan.put(vm.ref(), failed("NO_HOSTS_AVAILABLE", vm.ref())));
      return plan;
    }
    Map<String, Long> free = new HashMap<>();
    targets.forEach(t -> free.put(t.ref(), BootCheck.available(view, t, Refs.NULL)));
    for (XapiRecord vm : guests) {
      Optional<XapiException> error = Optional.empty();
      for (XapiRecord target : targets) {
        error =
            BootCheck.check(
                view,
                vm,
                target,
                new BootCheck.Options(true, true, false),
                MemoryArithmetic.Policy.EVACUATION);
        if (error.isPresent()) {
          break;
        }
      }
      Optional<XapiException> lifecycle =
          LifecycleCheck.check(view, vm, MigrationOperation.POOL_MIGRATE, true);
      if (lifecycle.isPresent()) {
        error = lifecycle;
      }
      if (error.isPresent()) {
        plan.put(vm.ref(), new Entry(Optional.empty(), error));
        continue;
      }
      long needed =
          MemoryArithmetic.needed(BootCheck.memoryOf(view, vm), MemoryArithmetic.Policy.EVACUATION);
      Optional<XapiRecord> fit =
          targets.stream().filter(t -> free.get(t.ref()) >= needed).findFirst();
      if (fit.isEmpty()) {
        // ⚠ one parameter here, the VM ref, not byte counts.
        plan.put(vm.ref(), failed("HOST_NOT_ENOUGH_FREE_MEMORY", vm.ref()));
        continue;
      }
      free.merge(fit.get().ref(), -needed, Long::sum);
      plan.put(vm.ref(), new Entry(Optional.of(fit.get().ref()), Optional.empty()));
    }
    return plan;
  }

  private static Entry failed(String code, String... params) {
    return new Entry(Optional.empty(), Optional.of(XapiException.of(code, params)));
  }

  Object vmsWhichPreventEvacuation(CallContext context, Args args) {
    PoolView view = new PoolView(context.store());
    Map<String, Object> result = new LinkedHashMap<>();
    plan(view, view.get(XapiClass.HOST, args.string(1)))
        .forEach((vm, entry) -> entry.error().ifPresent(e -> result.put(vm, e.description())));
    return ImmutableMap.copyOf(result);
  }

  Object assertCanEvacuate(CallContext context, Args args) {
    PoolView view = new PoolView(context.store());
    String joined =
        plan(view, view.get(XapiClass.HOST, args.string(1))).values().stream()
            .flatMap(entry -> entry.error().stream())
            .map(e -> String.join(",", e.description()))
            .collect(Collectors.joining("|"));
    if (!joined.isEmpty()) {
      throw XapiException.of("CANNOT_EVACUATE_HOST", joined);
    }
    return "";
  }

  /** {@code host.evacuate(host, network=NULL, evacuate_batch_size=0)}. */
  Object evacuate(CallContext context, Args args) {
    if (args.size() < 2 || args.size() > 4) {
      throw XapiException.of(
          "MESSAGE_PARAMETER_COUNT_MISMATCH", "host.evacuate", "4", Integer.toString(args.size()));
    }
    PoolRuntime pool = context.pool();
    PoolView view = new PoolView(pool.store());
    XapiRecord host = view.get(XapiClass.HOST, args.string(1));
    String network = args.size() > 2 ? args.string(2) : Refs.NULL;
    long requested = args.size() > 3 ? args.integer(3) : 0;
    String key = context.task().orElse(Refs.fresh());
    takeHostOperation(pool, host.ref(), key);
    try {
      Map<String, Entry> plan = plan(view, host);
      for (Entry entry : plan.values()) {
        if (entry.error().isPresent()) {
          throw entry.error().get();
        }
      }
      Map<String, Object> options = new HashMap<>();
      options.put("live", "true");
      if (!Refs.isNull(network)) {
        options.put("network", network);
      }
      int batch = (int) Math.max(1, Math.abs(requested > 0 ? requested : DEFAULT_BATCH));
      runWindow(context, plan, ImmutableMap.copyOf(options), batch);
      long left = view.residentGuests(host.ref()).size();
      if (left > 0) {
        throw XapiException.of(
            "INTERNAL_ERROR", "evacuate: " + left + " VMs are still resident on " + host.ref());
      }
      return "";
    } finally {
      releaseHostOperation(pool, host.ref(), key);
    }
  }

  /**
   * A sliding window of at most {@code batch} pool_migrate tasks
   * (docs/xapi-behaviour.md#evacuation, step 6 of host.evacuate).
   */
  private void runWindow(
      CallContext context, Map<String, Entry> plan, Map<String, Object> options, int batch) {
    PoolRuntime pool = context.pool();
    List<Map.Entry<String, Entry>> queue = new ArrayList<>(plan.entrySet());
    List<CompletableFuture<Optional<XapiException>>> running = new ArrayList<>();
    int finished = 0;
    int total = queue.size();
    while (!queue.isEmpty() || !running.isEmpty()) {
      while (running.size() < batch && !queue.isEmpty()) {
        Map.Entry<String, Entry> next = queue.remove(0);
        running.add(start(context, next.getKey(), next.getValue().host().orElseThrow(), options));
      }
      try {
        CompletableFuture.anyOf(running.toArray(new CompletableFuture<?>[0])).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw XapiException.of("INTERNAL_ERROR", "interrupted");
      } catch (ExecutionException e) {
        throw XapiException.of("INTERNAL_ERROR", String.valueOf(e.getCause()));
      }
      for (CompletableFuture<Optional<XapiException>> done : List.copyOf(running)) {
        if (!done.isDone()) {
          continue;
        }
        running.remove(done);
        finished++;
        Optional<XapiException> error = done.join();
        // A VM that changed power state meanwhile is ignored; any other failure ends evacuate.
        if (error.isPresent() && !error.get().code().equals("VM_BAD_POWER_STATE")) {
          throw error.get();
        }
      }
      int progressDone = finished;
      context.task().ifPresent(t -> pool.tasks().progress(t, (double) progressDone / total));
    }
  }

  private CompletableFuture<Optional<XapiException>> start(
      CallContext context, String vmRef, String hostRef, Map<String, Object> options) {
    PoolRuntime pool = context.pool();
    String task = pool.tasks().create("Async.VM.pool_migrate", "", context.hostRef(), true);
    CallContext subcontext =
        new CallContext(
            pool, context.hostRef(), context.session(), Optional.of(task), "VM.pool_migrate");
    String session = context.session().map(s -> s.ref()).orElse(Refs.NULL);
    Args args = new Args(ImmutableList.of(session, vmRef, hostRef, options));
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            poolMigrate.call(subcontext, args);
            pool.tasks().complete(task, "");
            return Optional.<XapiException>empty();
          } catch (XapiException e) {
            pool.tasks().fail(task, e);
            return Optional.of(e);
          }
        },
        pool.workers());
  }

  private static void takeHostOperation(PoolRuntime pool, String hostRef, String key) {
    pool.store()
        .transact(
            () -> {
              XapiRecord host = pool.store().get(XapiClass.HOST, hostRef);
              Map<String, String> running = host.stringMap("current_operations");
              if (!running.isEmpty()) {
                throw LifecycleCheck.otherOperationInProgress("host", hostRef, running);
              }
              pool.store()
                  .set(
                      XapiClass.HOST,
                      hostRef,
                      "current_operations",
                      ImmutableMap.of(key, "evacuate"));
            });
  }

  private static void releaseHostOperation(PoolRuntime pool, String hostRef, String key) {
    pool.store()
        .transact(
            () -> {
              Map<String, Object> ops =
                  new HashMap<>(
                      pool.store().get(XapiClass.HOST, hostRef).map("current_operations"));
              ops.remove(key);
              pool.store().set(XapiClass.HOST, hostRef, "current_operations", ops);
            });
  }
}
