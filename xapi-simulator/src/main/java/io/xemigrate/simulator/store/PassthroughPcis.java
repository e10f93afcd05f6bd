package io.xemigrate.simulator.store;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * xapi's {@code nvidia_sriov_pcis} ({@code ocaml/xapi/xapi_vm_lifecycle.ml}): the PCI devices a VM
 * has attached, less the {@code PCI} of each of its vGPUs whose type's {@code implementation} is
 * {@code nvidia_sriov}. Only what remains raises {@code VM_HAS_PCI_ATTACHED}.
 */
public final class PassthroughPcis {
  private PassthroughPcis() {}

  public static ImmutableList<String> of(ObjectStore store, XapiRecord vm) {
    Set<String> virtualFunctions =
        vm.strings("VGPUs").stream()
            .map(ref -> store.find(XapiClass.VGPU, ref))
            .flatMap(Optional::stream)
            .filter(vgpu -> isNvidiaSriov(store, vgpu))
            .map(vgpu -> vgpu.string("PCI"))
            .collect(Collectors.toSet());
    return vm.strings("attached_PCIs").stream()
        .filter(pci -> !virtualFunctions.contains(pci))
        .collect(ImmutableList.toImmutableList());
  }

  private static boolean isNvidiaSriov(ObjectStore store, XapiRecord vgpu) {
    return store
        .find(XapiClass.VGPU_TYPE, vgpu.string("type"))
        .map(type -> type.string("implementation").equals("nvidia_sriov"))
        .orElse(false);
  }
}
