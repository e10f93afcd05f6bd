package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.rpc.CallContext;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code VDI.pool_migrate(vdi, sr, options)} (docs/xapi-behaviour.md#vdi-pool-migrate): a live move
 * of one disk inside a pool, done as a storage-motion {@code migrate_send} of its VM to the host it
 * runs on. Memory is reserved a second time on that host (xen-api issue #4955).
 */
final class VdiPoolMigrate {
  private final MigrateSend send;

  VdiPoolMigrate(MigrateSend send) {
    this.send = send;
  }

  Object call(CallContext context, Args args) {
    PoolView view = new PoolView(context.store());
    XapiRecord vdi = view.get(XapiClass.VDI, args.string(1));
    String sr = args.string(2);
    view.get(XapiClass.SR, sr);
    if (vdi.strings("VBDs").isEmpty()) {
      throw XapiException.of("VDI_NEEDS_VM_FOR_MIGRATE", vdi.ref());
    }
    String vbdRef = vdi.strings("VBDs").get(0);
    XapiRecord vm = view.get(XapiClass.VM, view.get(XapiClass.VBD, vbdRef).string("VM"));
    XapiRecord host = MigrationChecks.sourceHost(view, vm);
    long needed =
        MemoryArithmetic.needed(BootCheck.memoryOf(view, vm), MemoryArithmetic.Policy.STANDARD);
    // The VM is already counted on its host, so the host needs its footprint a second time.
    long available = BootCheck.available(view, host, "");
    if (vm.string("power_state").equals("Running") && needed > available) {
      throw XapiException.of(
          "HOST_NOT_ENOUGH_FREE_MEMORY", Long.toString(needed), Long.toString(available));
    }
    if (vdi.string("type").equals("cbt_metadata")) {
      throw XapiException.of("VDI_INCOMPATIBLE_TYPE", vdi.ref(), "cbt_metadata");
    }
    if (vdi.bool("cbt_enabled")) {
      throw XapiException.of("VDI_CBT_ENABLED", vdi.ref());
    }
    Map<String, Object> vdiMap = new LinkedHashMap<>();
    for (XapiRecord vbd : view.diskVbds(vm)) {
      String disk = vbd.string("VDI");
      vdiMap.put(disk, disk.equals(vdi.ref()) ? sr : view.get(XapiClass.VDI, disk).string("SR"));
    }
    XapiRecord pif =
        view.managementPif(host.ref())
            .orElseThrow(() -> XapiException.of("HOST_HAS_NO_MANAGEMENT_IP"));
    String session = context.requireSession().ref();
    Map<String, Object> dest =
        ImmutableMap.of(
            "host", host.ref(),
            "session_id", session,
            "xenops", "http://" + pif.string("IP") + "/services/xenops",
            "SM", "http://" + pif.string("IP") + "/services/SM",
            "master", "http://" + PoolRuntime.urlHost(context.pool().addressOf(view.masterRef())));
    Args sendArgs =
        new Args(
            ImmutableList.of(
                session, vm.ref(), dest, true, vdiMap, ImmutableMap.of(), ImmutableMap.of()));
    send.call(context, sendArgs);
    return view.get(XapiClass.VBD, vbdRef).string("VDI");
  }
}
