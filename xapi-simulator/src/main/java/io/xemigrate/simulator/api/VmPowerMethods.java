package io.xemigrate.simulator.api;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.rpc.CallContext;
import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * VM power operations: start, start_on, clean/hard shutdown and reboot, suspend, resume, resume_on.
 * They take effect at once (no boot time is modelled); each is first checked with {@link
 * VmLifecycle}, as xapi's {@code assert_operation_valid} does.
 */
public final class VmPowerMethods {
  private VmPowerMethods() {}

  public static void register(MethodRegistry registry) {
    registry.register(
        MethodSpec.async(
            "VM.start",
            Role.VM_OPERATOR,
            4,
            false,
            (c, a) -> boot(c, a, "start", Optional.empty())));
    registry.register(
        MethodSpec.async(
            "VM.start_on",
            Role.VM_POWER_ADMIN,
            5,
            false,
            (c, a) -> boot(c, a, "start_on", Optional.of(a.string(2)))));
    registry.register(
        MethodSpec.async(
            "VM.resume",
            Role.VM_OPERATOR,
            4,
            false,
            (c, a) -> boot(c, a, "resume", Optional.empty())));
    registry.register(
        MethodSpec.async(
            "VM.resume_on",
            Role.VM_POWER_ADMIN,
            5,
            false,
            (c, a) -> boot(c, a, "resume_on", Optional.of(a.string(2)))));
    registry.register(
        MethodSpec.async(
            "VM.clean_shutdown",
            Role.VM_OPERATOR,
            2,
            false,
            (c, a) -> halt(c, a, "clean_shutdown", "Halted")));
    registry.register(
        MethodSpec.async(
            "VM.hard_shutdown",
            Role.VM_OPERATOR,
            2,
            false,
            (c, a) -> halt(c, a, "hard_shutdown", "Halted")));
    registry.register(
        MethodSpec.async(
            "VM.suspend",
            Role.VM_OPERATOR,
            2,
            false,
            (c, a) -> halt(c, a, "suspend", "Suspended")));
    registry.register(
        MethodSpec.async(
            "VM.clean_reboot", Role.VM_OPERATOR, 2, false, (c, a) -> reboot(c, a, "clean_reboot")));
    registry.register(
        MethodSpec.async(
            "VM.hard_reboot", Role.VM_OPERATOR, 2, false, (c, a) -> reboot(c, a, "hard_reboot")));
  }

  private static Object boot(CallContext context, Args args, String op, Optional<String> host) {
    ObjectStore store = context.store();
    String vm = args.string(1);
    store.transact(
        () -> {
          XapiRecord record = store.get(XapiClass.VM, vm);
          VmLifecycle.assertOperationValid(store, record, op, true);
          String target =
              host.map(h -> checkHost(store, h, record)).orElseGet(() -> chooseHost(store, record));
          running(store, record, target, op.startsWith("resume"));
        });
    return "";
  }

  private static String checkHost(ObjectStore store, String host, XapiRecord vm) {
    XapiRecord record = store.get(XapiClass.HOST, host);
    if (!record.bool("enabled")) {
      throw XapiException.of("HOST_DISABLED", host);
    }
    long needed = HostMemory.needed(vm);
    long available = HostMemory.available(store, host, vm.ref());
    if (available < needed) {
      throw XapiException.of(
          "HOST_NOT_ENOUGH_FREE_MEMORY", Long.toString(needed), Long.toString(available));
    }
    return host;
  }

  /** The affinity host when it fits, else the enabled host with most room. */
  private static String chooseHost(ObjectStore store, XapiRecord vm) {
    String affinity = vm.string("affinity");
    if (HostMemory.fits(store, affinity, vm)) {
      return affinity;
    }
    return store.all(XapiClass.HOST).stream()
        .filter(h -> HostMemory.fits(store, h.ref(), vm))
        .max(Comparator.comparingLong(h -> HostMemory.available(store, h.ref(), vm.ref())))
        .map(XapiRecord::ref)
        .orElseThrow(() -> XapiException.of("NO_HOSTS_AVAILABLE"));
  }

  /**
   * A VM starts with the pool level ({@code pool.cpu_info.features_*_host}) unless {@code
   * platform:featureset} says otherwise, and the host's vendor; a resumed VM keeps the flags it
   * booted with (docs/xapi-behaviour.md#cpu-compatibility).
   */
  private static void running(ObjectStore store, XapiRecord vm, String host, boolean resume) {
    XapiRecord hostRecord = store.get(XapiClass.HOST, host);
    Map<String, String> cpu = hostRecord.stringMap("cpu_info");
    Map<String, String> pool = store.all(XapiClass.POOL).get(0).stringMap("cpu_info");
    String key = vm.string("domain_type").equals("pv") ? "features_pv_host" : "features_hvm_host";
    String features =
        vm.stringMap("platform").getOrDefault("featureset", pool.getOrDefault(key, ""));
    Map<String, Object> flags =
        resume && !vm.map("last_boot_CPU_flags").isEmpty()
            ? vm.map("last_boot_CPU_flags")
            : ImmutableMap.of("vendor", cpu.getOrDefault("vendor", ""), "features", features);
    long domid =
        store.all(XapiClass.VM).stream().mapToLong(v -> v.integer("domid")).max().orElse(0) + 1;
    store.update(
        XapiClass.VM,
        vm.ref(),
        ImmutableMap.of(
            "power_state",
            "Running",
            "resident_on",
            host,
            "domid",
            domid,
            "last_boot_CPU_flags",
            flags));
    attach(store, vm, true);
    if (!Refs.isNull(vm.string("metrics"))) {
      store.update(
          XapiClass.VM_METRICS,
          vm.string("metrics"),
          ImmutableMap.of("start_time", store.now(), "memory_actual", vm.integer("memory_target")));
    }
  }

  private static Object halt(CallContext context, Args args, String op, String state) {
    ObjectStore store = context.store();
    String vm = args.string(1);
    store.transact(
        () -> {
          XapiRecord record = store.get(XapiClass.VM, vm);
          VmLifecycle.assertOperationValid(store, record, op, true);
          store.update(
              XapiClass.VM,
              vm,
              ImmutableMap.of("power_state", state, "resident_on", Refs.NULL, "domid", -1L));
          attach(store, record, false);
        });
    return "";
  }

  private static Object reboot(CallContext context, Args args, String op) {
    ObjectStore store = context.store();
    store.transact(
        () -> {
          XapiRecord record = store.get(XapiClass.VM, args.string(1));
          VmLifecycle.assertOperationValid(store, record, op, true);
          if (!Refs.isNull(record.string("metrics"))) {
            store.set(XapiClass.VM_METRICS, record.string("metrics"), "start_time", store.now());
          }
        });
    return "";
  }

  private static void attach(ObjectStore store, XapiRecord vm, boolean attached) {
    for (String vbd : store.get(XapiClass.VM, vm.ref()).strings("VBDs")) {
      if (!store.get(XapiClass.VBD, vbd).bool("empty") || !attached) {
        store.set(XapiClass.VBD, vbd, "currently_attached", attached);
      }
    }
    for (String vif : store.get(XapiClass.VM, vm.ref()).strings("VIFs")) {
      store.set(XapiClass.VIF, vif, "currently_attached", attached);
    }
  }
}
