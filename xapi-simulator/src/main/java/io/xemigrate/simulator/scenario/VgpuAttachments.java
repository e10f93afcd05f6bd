package io.xemigrate.simulator.scenario;

import static io.xemigrate.simulator.scenario.Defaults.uuid;
import static io.xemigrate.simulator.scenario.ScenarioValidator.orEmpty;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.scenario.Scenario.VmSpec;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.List;
import java.util.Map;

/**
 * A VM's vGPUs with their {@code VGPU_type}s; an NVIDIA SR-IOV vGPU ({@code MODEL@PCI-ID}) also
 * attaches its virtual function as one of the VM's PCI devices, as xapi records it.
 */
final class VgpuAttachments {
  private VgpuAttachments() {}

  /** Creates {@code vm}'s vGPUs; adds each SR-IOV function to {@code pcis} and the VM's record. */
  static void create(
      ObjectStore store,
      Map<String, String> pciRefs,
      VmSpec vm,
      String vmRef,
      String vmUuid,
      List<String> pcis) {
    List<String> vgpus = orEmpty(vm.vgpus());
    for (int i = 0; i < vgpus.size(); i++) {
      VgpuEntry vgpu = VgpuEntry.parse(vgpus.get(i));
      String function =
          vgpu.virtualFunction().map(id -> pciRefs.get(vm.host() + "/" + id)).orElse(Refs.NULL);
      store.create(
          XapiClass.VGPU,
          ImmutableMap.of(
              "uuid",
              uuid(vmUuid, "vgpu", Integer.toString(i)),
              "VM",
              vmRef,
              "device",
              Integer.toString(i),
              "type",
              vgpuType(store, vgpu),
              "PCI",
              function));
      if (!function.equals(Refs.NULL)) {
        pcis.add(function);
        store.set(XapiClass.VM, vmRef, "attached_PCIs", pcis);
      }
    }
  }

  /** The pool's {@code VGPU_type} of this model and implementation, made on first use. */
  private static String vgpuType(ObjectStore store, VgpuEntry vgpu) {
    String implementation = vgpu.implementation();
    return store
        .where(
            XapiClass.VGPU_TYPE,
            type ->
                vgpu.model().equals(type.get("model_name"))
                    && implementation.equals(type.get("implementation")))
        .stream()
        .findFirst()
        .map(XapiRecord::ref)
        .orElseGet(
            () ->
                store.create(
                    XapiClass.VGPU_TYPE,
                    ImmutableMap.of(
                        "uuid",
                        uuid("vgpu-type", implementation, vgpu.model()),
                        "vendor_name",
                        "NVIDIA Corporation",
                        "model_name",
                        vgpu.model(),
                        "implementation",
                        implementation)));
  }
}
