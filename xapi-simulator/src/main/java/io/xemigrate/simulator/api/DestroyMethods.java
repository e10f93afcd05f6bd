package io.xemigrate.simulator.api;

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
import java.util.Map;

/**
 * {@code VM.destroy} and {@code VDI.destroy} (VM Admin), as xapi does them: a VM is destroyed only
 * Halted or Suspended (the lifecycle check's {@code VM_BAD_POWER_STATE} otherwise), with its VBDs,
 * VIFs, vGPUs and metrics but never its disks; a disk is destroyed only when no running VM has it
 * ({@code VDI_IN_USE [vdi; "destroy"]}), and the VBDs still pointing at it go with it.
 */
public final class DestroyMethods {
  private DestroyMethods() {}

  public static void register(MethodRegistry registry) {
    registry.register(
        MethodSpec.async("VM.destroy", Role.VM_ADMIN, 2, false, DestroyMethods::destroyVm));
    registry.register(
        MethodSpec.async("VDI.destroy", Role.VM_ADMIN, 2, false, DestroyMethods::destroyVdi));
  }

  private static Object destroyVm(CallContext context, Args args) {
    ObjectStore store = context.store();
    String vm = args.string(1);
    store.transact(
        () -> {
          XapiRecord record = store.get(XapiClass.VM, vm);
          VmLifecycle.assertOperationValid(store, record, "destroy", true);
          record.strings("VBDs").forEach(ref -> destroyIfPresent(store, XapiClass.VBD, ref));
          record.strings("VIFs").forEach(ref -> destroyIfPresent(store, XapiClass.VIF, ref));
          record.strings("VGPUs").forEach(ref -> destroyIfPresent(store, XapiClass.VGPU, ref));
          destroyIfPresent(store, XapiClass.VM_METRICS, record.string("metrics"));
          destroyIfPresent(store, XapiClass.VM_GUEST_METRICS, record.string("guest_metrics"));
          store.destroy(XapiClass.VM, vm);
        });
    return "";
  }

  /**
   * xapi's {@code check_operation_error} for {@code destroy} ({@code ocaml/xapi/xapi_vdi.ml}): the
   * first operation in progress other than {@code copy} refuses it with {@code
   * OTHER_OPERATION_IN_PROGRESS ["VDI"; vdi; operation; task]}, unless a {@code mirror} runs (a
   * storage migration destroys its own VDIs).
   */
  private static void refuseWhileBusy(String vdi, Map<String, String> running) {
    if (running.containsValue("mirror")) {
      return;
    }
    running.entrySet().stream()
        .filter(operation -> !operation.getValue().equals("copy"))
        .findFirst()
        .ifPresent(
            operation -> {
              throw XapiException.of(
                  "OTHER_OPERATION_IN_PROGRESS",
                  "VDI",
                  vdi,
                  operation.getValue(),
                  operation.getKey());
            });
  }

  private static Object destroyVdi(CallContext context, Args args) {
    ObjectStore store = context.store();
    String vdi = args.string(1);
    store.transact(
        () -> {
          XapiRecord record = store.get(XapiClass.VDI, vdi);
          refuseWhileBusy(vdi, record.stringMap("current_operations"));
          for (String vbd : record.strings("VBDs")) {
            XapiRecord device = store.get(XapiClass.VBD, vbd);
            boolean running =
                store
                    .find(XapiClass.VM, device.string("VM"))
                    .map(owner -> !owner.string("power_state").equals("Halted"))
                    .orElse(false);
            if (device.bool("currently_attached") || running) {
              throw XapiException.of("VDI_IN_USE", vdi, "destroy");
            }
          }
          record.strings("VBDs").forEach(ref -> destroyIfPresent(store, XapiClass.VBD, ref));
          store.destroy(XapiClass.VDI, vdi);
        });
    return "";
  }

  private static void destroyIfPresent(ObjectStore store, XapiClass cls, String ref) {
    if (!Refs.isNull(ref) && store.find(cls, ref).isPresent()) {
      store.destroy(cls, ref);
    }
  }
}
