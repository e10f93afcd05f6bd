package io.xemigrate.simulator.api;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.PassthroughPcis;
import io.xemigrate.simulator.store.PlatformFlags;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * xapi's {@code check_operation_error} for VMs (docs/xapi-behaviour.md#lifecycle-checks), in its
 * order: blocked, power state, operations in progress, template/snapshot, immobile, control domain,
 * guest features, PCI, vGPU, VUSB. The same check computes {@code VM.allowed_operations} (strict),
 * so a pre-flight reading the field and a call trying the operation see the same verdict.
 */
public final class VmLifecycle {
  /** Each operation and the power states it accepts, lower case, in xapi's listing order. */
  static final ImmutableMap<String, ImmutableList<String>> POWER_STATES =
      ImmutableMap.<String, ImmutableList<String>>builder()
          .put("start", ImmutableList.of("halted"))
          .put("start_on", ImmutableList.of("halted"))
          .put("clean_shutdown", ImmutableList.of("running"))
          .put("hard_shutdown", ImmutableList.of("paused", "suspended", "running"))
          .put("clean_reboot", ImmutableList.of("running"))
          .put("hard_reboot", ImmutableList.of("paused", "running"))
          .put("suspend", ImmutableList.of("running"))
          .put("resume", ImmutableList.of("suspended"))
          .put("resume_on", ImmutableList.of("suspended"))
          .put("pool_migrate", ImmutableList.of("running"))
          .put("migrate_send", ImmutableList.of("halted", "suspended", "running"))
          .put("pause", ImmutableList.of("running"))
          .put("unpause", ImmutableList.of("paused"))
          .put("snapshot", ImmutableList.of("halted", "running", "suspended", "paused"))
          .put("export", ImmutableList.of("halted", "suspended"))
          .put("destroy", ImmutableList.of("halted", "suspended"))
          .put("metadata_export", ImmutableList.of("halted", "running", "suspended", "paused"))
          .buildOrThrow();

  private static final ImmutableSet<String> MIGRATIONS =
      ImmutableSet.of("pool_migrate", "migrate_send");
  private static final ImmutableSet<String> NEEDS_SUSPEND_FEATURE =
      ImmutableSet.of("pool_migrate", "migrate_send", "suspend");

  /** What may start while a migrate_send runs. */
  private static final ImmutableSet<String> ALONGSIDE_MIGRATE_SEND =
      ImmutableSet.of("metadata_export", "clean_shutdown", "clean_reboot");

  private VmLifecycle() {}

  /** Installs the {@code allowed_operations} deriver on a store. */
  public static void install(ObjectStore store) {
    store.addDeriver(
        XapiClass.VM,
        (record, s) -> ImmutableMap.of("allowed_operations", allowedOperations(s, record)));
  }

  static ImmutableList<String> allowedOperations(ObjectStore store, XapiRecord vm) {
    ImmutableList.Builder<String> allowed = ImmutableList.builder();
    for (String op : POWER_STATES.keySet()) {
      if (check(store, vm, op, true).isEmpty()) {
        allowed.add(op);
      }
    }
    return allowed.build();
  }

  /** Throws the first failing check for {@code op} on {@code vm}, if any. */
  public static void assertOperationValid(
      ObjectStore store, XapiRecord vm, String op, boolean strict) {
    Optional<XapiException> error = check(store, vm, op, strict);
    if (error.isPresent()) {
      throw error.get();
    }
  }

  /** The first failing check for {@code op} on {@code vm}. */
  public static Optional<XapiException> check(
      ObjectStore store, XapiRecord vm, String op, boolean strict) {
    String ref = vm.ref();
    Map<String, String> blocked = vm.stringMap("blocked_operations");
    if (blocked.containsKey(op)) {
      return error("OPERATION_BLOCKED", ref, blocked.get(op));
    }
    String power = vm.string("power_state").toLowerCase(Locale.ROOT);
    ImmutableList<String> states = POWER_STATES.getOrDefault(op, ImmutableList.of(power));
    if (!states.contains(power)) {
      return error("VM_BAD_POWER_STATE", ref, String.join(", ", states), power);
    }
    Map<String, String> running = vm.stringMap("current_operations");
    boolean tolerated =
        running.values().stream().allMatch("migrate_send"::equals)
            && ALONGSIDE_MIGRATE_SEND.contains(op);
    if (!running.isEmpty() && !tolerated) {
      boolean several = running.size() > 1;
      String ops =
          several
              ? "{" + String.join(",", running.values()) + "}"
              : running.values().iterator().next();
      String tasks =
          several
              ? "{" + String.join(",", running.keySet()) + "}"
              : running.keySet().iterator().next();
      return error("OTHER_OPERATION_IN_PROGRESS", "VM", ref, ops, tasks);
    }
    if (vm.bool("is_a_template")
        && (!op.equals("migrate_send") || vm.bool("is_default_template"))) {
      return error("VM_IS_TEMPLATE", ref, op);
    }
    if (vm.bool("is_a_snapshot") && !op.equals("metadata_export") && !op.equals("destroy")) {
      return error("VM_IS_SNAPSHOT", ref, op);
    }
    boolean migration = MIGRATIONS.contains(op);
    if (migration && strict && PlatformFlags.immobile(vm, metrics(store, vm))) {
      return error("VM_IS_IMMOBILE", ref);
    }
    if (vm.bool("is_control_domain")) {
      return error("OPERATION_NOT_ALLOWED", "This operation is not allowed on a control domain");
    }
    if (NEEDS_SUSPEND_FEATURE.contains(op) && (power.equals("running") || power.equals("paused"))) {
      Optional<XapiException> feature = guestFeatures(store, vm, strict);
      if (feature.isPresent()) {
        return feature;
      }
    }
    if (migration && !PassthroughPcis.of(store, vm).isEmpty()) {
      return error("VM_HAS_PCI_ATTACHED", ref);
    }
    if (migration
        && !vm.list("VGPUs").isEmpty()
        && !(op.equals("migrate_send") && power.equals("halted"))) {
      return error("VM_HAS_VGPU", ref);
    }
    if (migration && !vm.list("VUSBs").isEmpty()) {
      return error("VM_HAS_VUSBS", ref);
    }
    return Optional.empty();
  }

  private static Optional<XapiRecord> metrics(ObjectStore store, XapiRecord vm) {
    return Refs.isNull(vm.string("metrics"))
        ? Optional.empty()
        : store.find(XapiClass.VM_METRICS, vm.string("metrics"));
  }

  private static Optional<XapiException> guestFeatures(
      ObjectStore store, XapiRecord vm, boolean strict) {
    Optional<XapiRecord> metrics =
        Refs.isNull(vm.string("guest_metrics"))
            ? Optional.empty()
            : store.find(XapiClass.VM_GUEST_METRICS, vm.string("guest_metrics"));
    Map<String, String> other = metrics.map(m -> m.stringMap("other")).orElse(ImmutableMap.of());
    if (other.containsKey("data-cant-suspend-reason")) {
      return error("VM_NON_SUSPENDABLE", vm.ref(), other.get("data-cant-suspend-reason"));
    }
    boolean pvBooted =
        metrics(store, vm)
            .map(m -> PlatformFlags.bootedPv(m.string("current_domain_type")))
            .orElse(false);
    boolean pvDrivers = metrics.map(m -> m.bool("PV_drivers_detected")).orElse(false);
    boolean featureSuspend = "1".equals(other.get("feature-suspend"));
    if (strict && !pvBooted && !pvDrivers && !featureSuspend) {
      return error("VM_LACKS_FEATURE", vm.ref());
    }
    return Optional.empty();
  }

  private static Optional<XapiException> error(String code, String... params) {
    return Optional.of(XapiException.of(code, params));
  }
}
