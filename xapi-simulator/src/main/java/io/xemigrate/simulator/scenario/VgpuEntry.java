package io.xemigrate.simulator.scenario;

import java.util.Optional;

/**
 * One entry of a VM's {@code vgpus}: a vGPU type's model name ({@code "GRID T4-2Q"}, an NVIDIA vGPU
 * of implementation {@code nvidia}), or {@code "MODEL@PCI-ID"} for an NVIDIA SR-IOV vGPU
 * (implementation {@code nvidia_sriov}) whose virtual function is the PCI device {@code PCI-ID} of
 * the VM's host: that function is the vGPU's {@code PCI} and is attached to the VM.
 */
record VgpuEntry(String model, Optional<String> virtualFunction) {
  static VgpuEntry parse(String entry) {
    int at = entry.lastIndexOf('@');
    return at < 0
        ? new VgpuEntry(entry, Optional.empty())
        : new VgpuEntry(entry.substring(0, at), Optional.of(entry.substring(at + 1)));
  }

  /** The {@code VGPU_type.implementation} this entry stands for. */
  String implementation() {
    return virtualFunction().isPresent() ? "nvidia_sriov" : "nvidia";
  }
}
