package io.xemigrate.simulator.api;

import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.rpc.CallContext;
import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.Locale;

/** {@code VIF.plug} and {@code VIF.unplug}: hot-plug on a running VM only. */
public final class VifMethods {
  private VifMethods() {}

  public static void register(MethodRegistry registry) {
    registry.register(
        MethodSpec.async("VIF.plug", Role.VM_ADMIN, 2, false, (c, a) -> plug(c, a, true)));
    registry.register(
        MethodSpec.async("VIF.unplug", Role.VM_ADMIN, 2, false, (c, a) -> plug(c, a, false)));
  }

  private static Object plug(CallContext context, Args args, boolean attach) {
    ObjectStore store = context.store();
    String vif = args.string(1);
    store.transact(
        () -> {
          XapiRecord record = store.get(XapiClass.VIF, vif);
          XapiRecord vm = store.get(XapiClass.VM, record.string("VM"));
          String power = vm.string("power_state");
          if (!power.equals("Running")) {
            throw XapiException.of(
                "VM_BAD_POWER_STATE", vm.ref(), "running", power.toLowerCase(Locale.ROOT));
          }
          if (record.bool("currently_attached") == attach) {
            throw XapiException.of(
                attach ? "DEVICE_ALREADY_ATTACHED" : "DEVICE_ALREADY_DETACHED", vif);
          }
          store.set(XapiClass.VIF, vif, "currently_attached", attach);
        });
    return "";
  }
}
