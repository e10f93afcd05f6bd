package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.PassthroughPcis;
import io.xemigrate.simulator.store.PlatformFlags;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * xapi's {@code check_operation_error} for the two migration operations
 * (docs/xapi-behaviour.md#lifecycle-checks): the first failing rule wins, in xapi's order. Runs
 * when {@code migrate_send} or {@code pool_migrate} starts, never inside {@code
 * assert_can_migrate}.
 */
final class LifecycleCheck {
  private LifecycleCheck() {}

  static Optional<XapiException> check(
      PoolView view, XapiRecord vm, MigrationOperation operation, boolean strict) {
    String ref = vm.ref();
    String op = operation.wireName();
    ImmutableMap<String, String> blocked = vm.stringMap("blocked_operations");
    if (blocked.containsKey(op)) {
      return error("OPERATION_BLOCKED", ref, blocked.get(op));
    }
    String power = vm.string("power_state");
    ImmutableList<String> accepted =
        switch (operation) {
          case MIGRATE_SEND -> ImmutableList.of("Halted", "Suspended", "Running");
          case POOL_MIGRATE -> ImmutableList.of("Running");
        };
    if (!accepted.contains(power)) {
      return error(
          "VM_BAD_POWER_STATE",
          ref,
          String.join(", ", accepted.stream().map(LifecycleCheck::lower).toList()),
          lower(power));
    }
    Map<String, String> running = vm.stringMap("current_operations");
    if (!running.isEmpty()) {
      return Optional.of(otherOperationInProgress("VM", ref, running));
    }
    if (vm.bool("is_a_template")
        && (operation == MigrationOperation.POOL_MIGRATE || vm.bool("is_default_template"))) {
      return error("VM_IS_TEMPLATE", ref, op);
    }
    if (vm.bool("is_a_snapshot")) {
      return error("VM_IS_SNAPSHOT", ref, op);
    }
    if (strict
        && PlatformFlags.immobile(vm, view.find(XapiClass.VM_METRICS, vm.string("metrics")))) {
      return error("VM_IS_IMMOBILE", ref);
    }
    if (vm.bool("is_control_domain")) {
      return error("OPERATION_NOT_ALLOWED", "This operation is not allowed on a control domain");
    }
    if (power.equals("Running") || power.equals("Paused")) {
      Optional<XapiRecord> guest =
          view.find(XapiClass.VM_GUEST_METRICS, vm.string("guest_metrics"));
      ImmutableMap<String, String> other =
          guest.map(g -> g.stringMap("other")).orElse(ImmutableMap.of());
      if (other.containsKey("data-cant-suspend-reason")) {
        return error("VM_NON_SUSPENDABLE", ref, other.get("data-cant-suspend-reason"));
      }
      boolean bootedPv = PlatformFlags.bootedPv(view.domainType(vm));
      boolean pvDrivers =
          guest
              .map(g -> g.bool("PV_drivers_detected") || !g.map("PV_drivers_version").isEmpty())
              .orElse(false);
      if (strict && !bootedPv && !pvDrivers && !"1".equals(other.get("feature-suspend"))) {
        return error("VM_LACKS_FEATURE", ref);
      }
    }
    if (operation == MigrationOperation.POOL_MIGRATE && cachedResetDisk(view, vm)) {
      return error("VDI_ON_BOOT_MODE_INCOMPATIBLE_WITH_OPERATION");
    }
    if (!PassthroughPcis.of(view.store(), vm).isEmpty()) {
      return error("VM_HAS_PCI_ATTACHED", ref);
    }
    boolean halted = power.equals("Halted");
    if (!vm.strings("VGPUs").isEmpty()
        && !(operation == MigrationOperation.MIGRATE_SEND && halted)
        && !everyVgpuHasCompatibilityMetadata(view, vm)) {
      return error("VM_HAS_VGPU", ref);
    }
    if (!vm.strings("VUSBs").isEmpty()) {
      return error("VM_HAS_VUSBS", ref);
    }
    return Optional.empty();
  }

  /** {@code OTHER_OPERATION_IN_PROGRESS [class; ref; op; task]}, lists as {@code {a,b}}. */
  static XapiException otherOperationInProgress(
      String cls, String ref, Map<String, String> running) {
    if (running.size() == 1) {
      Map.Entry<String, String> only = running.entrySet().iterator().next();
      return XapiException.of(
          "OTHER_OPERATION_IN_PROGRESS", cls, ref, only.getValue(), only.getKey());
    }
    return XapiException.of(
        "OTHER_OPERATION_IN_PROGRESS",
        cls,
        ref,
        "{" + String.join(",", running.values()) + "}",
        "{" + String.join(",", running.keySet()) + "}");
  }

  /**
   * A disk that resets on boot and is cached, as xapi's {@code check_operation_error} reads both
   * from the VDI's {@code sm_config} ({@code on_boot=reset}, {@code caching} "1" or "true" in any
   * case; {@code ocaml/xapi/xapi_vm_lifecycle.ml}).
   */
  private static boolean cachedResetDisk(PoolView view, XapiRecord vm) {
    return view.diskVbds(vm).stream()
        .map(vbd -> view.get(XapiClass.VDI, vbd.string("VDI")).stringMap("sm_config"))
        .anyMatch(
            smConfig -> "reset".equals(smConfig.get("on_boot")) && isTrue(smConfig, "caching"));
  }

  private static boolean isTrue(Map<String, String> map, String key) {
    String value = map.get(key);
    return value != null
        && (value.equals("1") || value.toLowerCase(java.util.Locale.ROOT).equals("true"));
  }

  private static boolean everyVgpuHasCompatibilityMetadata(PoolView view, XapiRecord vm) {
    return vm.strings("VGPUs").stream()
        .map(ref -> view.get(XapiClass.VGPU, ref))
        .allMatch(vgpu -> !vgpu.map("compatibility_metadata").isEmpty());
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static Optional<XapiException> error(String code, String... params) {
    return Optional.of(XapiException.of(code, params));
  }
}
