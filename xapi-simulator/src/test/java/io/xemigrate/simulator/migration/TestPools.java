package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.VirtualClock;
import io.xemigrate.simulator.api.StandardMethods;
import io.xemigrate.simulator.physics.PrecopyPolicy;
import io.xemigrate.simulator.rpc.Dispatcher;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.rpc.Sessions;
import io.xemigrate.simulator.rpc.User;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Two small pools in one simulator, built object by object, with a manual clock: the world the
 * migration tests run in. Calls go through each pool's {@link Dispatcher}, as the wire would.
 */
final class TestPools implements AutoCloseable {
  static final long GIB = 1L << 30;
  static final String FEATURES = "1fc9cbf5-f6f83203-2991cbf5-00000403";

  final VirtualClock clock = VirtualClock.manual();
  final PoolDirectory directory = new PoolDirectory();
  final MigrationService service;
  final ExecutorService workers =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "test-pool-task");
            thread.setDaemon(true);
            return thread;
          });
  final Pool source;
  final Pool destination;

  /** One pool and handles to its objects. */
  final class Pool {
    final PoolRuntime runtime;
    final ObjectStore store;
    final Dispatcher dispatcher;
    final List<String> hosts = new ArrayList<>();
    final Map<String, String> pifs = new HashMap<>();
    final String network;
    final String sharedSr;
    final String iscsiSr;
    String session;

    Pool(String name, int index) {
      store = new ObjectStore(clock, Instant.parse("2026-01-01T00:00:00Z"));
      StandardMethods.installDerivers(store);
      runtime =
          new PoolRuntime(
              name,
              store,
              new Sessions(store, List.of(new User("root", "secret", Role.POOL_ADMIN))),
              StandardMethods.registry(),
              workers);
      dispatcher = new Dispatcher(runtime);
      network =
          store.create(
              XapiClass.NETWORK,
              ImmutableMap.of(
                  "uuid",
                  uuid(),
                  "name_label",
                  "Pool-wide network",
                  "bridge",
                  "xenbr0",
                  "managed",
                  true));
      for (String type : List.of("nfs", "lvm")) {
        store.create(
            XapiClass.SM,
            ImmutableMap.of(
                "uuid", uuid(),
                "type", type,
                "capabilities", ImmutableList.of("VDI_SNAPSHOT", "VDI_MIRROR"),
                "features", ImmutableMap.of("VDI_SNAPSHOT", 1L, "VDI_MIRROR", 1L)));
      }
      store.create(
          XapiClass.SM,
          ImmutableMap.of(
              "uuid", uuid(), "type", "iscsi", "capabilities", ImmutableList.of("VDI_SNAPSHOT")));
      sharedSr = sr("shared-nfs-" + name, "nfs", true);
      iscsiSr = sr("raw-lun-" + name, "iscsi", true);
      String pool =
          store.create(
              XapiClass.POOL,
              ImmutableMap.of("uuid", uuid(), "name_label", name, "default_SR", sharedSr));
      for (int i = 0; i < 3; i++) {
        hosts.add(host(name + "-host" + i, "10.0." + index + "." + (10 + i)));
      }
      store.set(XapiClass.POOL, pool, "master", hosts.get(0));
      for (String host : hosts) {
        for (String sr : List.of(sharedSr, iscsiSr)) {
          store.create(
              XapiClass.PBD,
              ImmutableMap.of("uuid", uuid(), "host", host, "SR", sr, "currently_attached", true));
        }
      }
      session = runtime.sessions().mint("root", Role.POOL_ADMIN, "test", hosts.get(0), false).ref();
      service.install(runtime);
    }

    private String sr(String name, String type, boolean shared) {
      return store.create(
          XapiClass.SR,
          ImmutableMap.of(
              "uuid",
              uuid(),
              "name_label",
              name,
              "type",
              type,
              "shared",
              shared,
              "physical_size",
              4096 * GIB,
              "other_config",
              ImmutableMap.of(PhysicsParameters.SR_THROUGHPUT, "400")));
    }

    private String host(String name, String ip) {
      String metrics =
          store.create(
              XapiClass.HOST_METRICS,
              ImmutableMap.of("uuid", uuid(), "memory_total", 256 * GIB, "live", true));
      String host =
          store.create(
              XapiClass.HOST,
              ImmutableMap.<String, Object>builder()
                  .put("uuid", uuid())
                  .put("name_label", name)
                  .put("address", ip)
                  .put("enabled", true)
                  .put("metrics", metrics)
                  .put("memory_overhead", GIB)
                  .put(
                      "software_version",
                      ImmutableMap.of(
                          "platform_version", "3.4.0", "xapi_build", "25.6.0", "xen", "4.17.5-20"))
                  .put(
                      "cpu_info",
                      ImmutableMap.of(
                          "cpu_count",
                          "32",
                          "vendor",
                          "GenuineIntel",
                          "features_hvm",
                          FEATURES,
                          "features_pv",
                          FEATURES))
                  .put("virtual_hardware_platform_versions", ImmutableList.of(0L, 1L, 2L))
                  .buildOrThrow());
      String pif =
          store.create(
              XapiClass.PIF,
              ImmutableMap.<String, Object>builder()
                  .put("uuid", uuid())
                  .put("device", "eth0")
                  .put("host", host)
                  .put("network", network)
                  .put("IP", ip)
                  .put("ip_configuration_mode", "Static")
                  .put("management", true)
                  .put("currently_attached", true)
                  .put("physical", true)
                  .put("other_config", ImmutableMap.of(PhysicsParameters.PIF_BANDWIDTH, "10000"))
                  .buildOrThrow());
      pifs.put(host, pif);
      return host;
    }

    String master() {
      return hosts.get(0);
    }

    /** A running VM on {@code host} with one disk per size (GiB) and one NIC. */
    String vm(String name, String host, long memoryGib, long... diskGib) {
      String metrics =
          store.create(
              XapiClass.VM_METRICS,
              ImmutableMap.of(
                  "uuid", uuid(), "memory_actual", memoryGib * GIB, "current_domain_type", "hvm"));
      String guest =
          store.create(
              XapiClass.VM_GUEST_METRICS,
              ImmutableMap.of("uuid", uuid(), "PV_drivers_detected", true, "live", true));
      String vm =
          store.create(
              XapiClass.VM,
              ImmutableMap.<String, Object>builder()
                  .put("uuid", uuid())
                  .put("name_label", name)
                  .put("power_state", "Running")
                  .put("resident_on", host)
                  .put("memory_static_max", memoryGib * GIB)
                  .put("memory_dynamic_max", memoryGib * GIB)
                  .put("memory_dynamic_min", memoryGib * GIB)
                  .put("memory_static_min", GIB)
                  .put("memory_target", memoryGib * GIB)
                  .put("memory_overhead", 64L << 20)
                  .put("VCPUs_max", 2L)
                  .put("VCPUs_at_startup", 2L)
                  .put("HVM_shadow_multiplier", 1.0)
                  .put("metrics", metrics)
                  .put("guest_metrics", guest)
                  .put("domid", 5L)
                  .put(
                      "last_boot_CPU_flags",
                      ImmutableMap.of("vendor", "GenuineIntel", "features", FEATURES))
                  .put("other_config", ImmutableMap.of(PhysicsParameters.DIRTY_RATE, "5"))
                  .buildOrThrow());
      int device = 0;
      for (long size : diskGib) {
        String vdi =
            store.create(
                XapiClass.VDI,
                ImmutableMap.of(
                    "uuid",
                    uuid(),
                    "name_label",
                    name + " disk " + device,
                    "SR",
                    sharedSr,
                    "virtual_size",
                    size * GIB,
                    "physical_utilisation",
                    size * GIB / 2));
        store.create(
            XapiClass.VBD,
            ImmutableMap.of(
                "uuid",
                uuid(),
                "VM",
                vm,
                "VDI",
                vdi,
                "device",
                "xvd" + (char) ('a' + device),
                "userdevice",
                Integer.toString(device),
                "currently_attached",
                true));
        device++;
      }
      store.create(
          XapiClass.VIF,
          ImmutableMap.of(
              "uuid",
              uuid(),
              "VM",
              vm,
              "network",
              network,
              "device",
              "0",
              "MAC",
              String.format("aa:bb:cc:00:%02x:01", Math.abs(name.hashCode()) % 256),
              "currently_attached",
              true));
      return vm;
    }

    XapiRecord get(XapiClass cls, String ref) {
      return store.get(cls, ref);
    }

    void set(XapiClass cls, String ref, String field, Object value) {
      store.set(cls, ref, field, value);
    }

    /** A call as the master's endpoint receives it, with this pool's root session. */
    Object call(String method, Object... params) {
      List<Object> all = new ArrayList<>();
      all.add(session);
      all.addAll(List.of(params));
      return dispatcher.dispatch(master(), method, all);
    }

    String status(String task) {
      return store.get(XapiClass.TASK, task).string("status");
    }

    /** Steps the clock until the task leaves {@code pending}; waits on store changes, no sleep. */
    XapiRecord await(String task) {
      for (int i = 0; i < 20_000; i++) {
        XapiRecord record = store.get(XapiClass.TASK, task);
        if (!record.string("status").equals("pending")) {
          return record;
        }
        long generation = store.generation();
        clock.advance(Duration.ofSeconds(2));
        try {
          store.awaitGenerationAfter(generation, Duration.ofMillis(5));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      throw new AssertionError("task did not finish");
    }

    /** Waits (on store changes, clock still) until the migration of {@code task} is in flight. */
    void awaitInFlight(String task) {
      awaitCondition(
          store,
          () -> service.driver().progress(task).isPresent() || !status(task).equals("pending"));
    }

    /** Starts an async migrate_send of {@code vm} to host {@code index} of the other pool. */
    String startMigrateSend(String vm, int index) {
      return (String)
          call(
              "Async.VM.migrate_send",
              vm,
              migrateReceive(index),
              true,
              vdiMapToDestination(vm),
              vifMapToDestination(vm),
              ImmutableMap.of(),
              ImmutableMap.of());
    }

    ImmutableList<XapiRecord> vmsNamed(String name) {
      return store.where(XapiClass.VM, vm -> vm.string("name_label").equals(name));
    }
  }

  TestPools() {
    service = new MigrationService(clock, directory, PrecopyPolicy.xenServer());
    source = new Pool("pool-a", 1);
    destination = new Pool("pool-b", 2);
  }

  /** Waits on {@code store}'s changes, without moving the clock, until {@code condition} holds. */
  static void awaitCondition(ObjectStore store, java.util.function.BooleanSupplier condition) {
    for (int i = 0; i < 2_000; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      long generation = store.generation();
      try {
        store.awaitGenerationAfter(generation, Duration.ofMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("condition not reached");
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }

  /** host.migrate_receive on the destination master, for host {@code index} of pool b. */
  @SuppressWarnings("unchecked")
  Map<String, Object> migrateReceive(int index) {
    return (Map<String, Object>)
        destination.call(
            "host.migrate_receive",
            destination.hosts.get(index),
            destination.network,
            ImmutableMap.of());
  }

  /** A VDI map sending every disk of {@code vm} to the destination's shared SR. */
  Map<String, Object> vdiMapToDestination(String vm) {
    Map<String, Object> map = new HashMap<>();
    for (String vbd : source.get(XapiClass.VM, vm).strings("VBDs")) {
      String vdi = source.get(XapiClass.VBD, vbd).string("VDI");
      if (!Refs.isNull(vdi)) {
        map.put(vdi, destination.sharedSr);
      }
    }
    return map;
  }

  Map<String, Object> vifMapToDestination(String vm) {
    Map<String, Object> map = new HashMap<>();
    source.get(XapiClass.VM, vm).strings("VIFs").forEach(vif -> map.put(vif, destination.network));
    return map;
  }

  @Override
  public void close() {
    service.close();
    workers.shutdownNow();
  }
}
