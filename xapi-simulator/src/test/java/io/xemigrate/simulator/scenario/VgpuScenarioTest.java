package io.xemigrate.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.simulator.VirtualClock;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.PassthroughPcis;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A scenario's {@code vgpus}: {@code MODEL@PCI-ID} is an NVIDIA SR-IOV vGPU whose virtual function
 * is attached to the VM yet is no passed-through PCI device, as xapi counts them.
 */
class VgpuScenarioTest {
  private static final String SCENARIO =
      """
      name: gpu
      users:
        - {name: root, password: pw, role: pool-admin}
      pools:
        - name: p
          hosts:
            - name: h1
              master: true
              pcis:
                - {id: "0000:81:00.0"}
                - {id: "0000:c1:00.4", deviceName: "GA100 [A100 SXM4 40GB] VF"}
          srs:
            - {name: nfs, type: nfs, shared: true, sizeGiB: 100}
          networks:
            - name: net
              pifs:
                - {host: h1, device: eth0}
          vms:
            - {name: sriov, powerState: Running, host: h1, vgpus: ["GRID A100-4C@0000:c1:00.4"]}
            - name: both
              powerState: Running
              host: h1
              pci: ["0000:81:00.0"]
              vgpus: ["GRID T4-2Q"]
      """;

  private final ObjectStore store = new ObjectStore(VirtualClock.manual(), Instant.EPOCH);

  VgpuScenarioTest() {
    PoolBuilder.build(store, ScenarioLoader.parse("gpu.yaml", SCENARIO).pools().get(0));
  }

  @Test
  void anSriovVgpuAttachesItsFunctionWhichIsNoPassthroughPci() {
    XapiRecord vm = vm("sriov");
    XapiRecord vgpu = store.get(XapiClass.VGPU, vm.strings("VGPUs").get(0));
    XapiRecord type = store.get(XapiClass.VGPU_TYPE, vgpu.string("type"));

    assertThat(vm.strings("attached_PCIs")).containsExactly(vgpu.string("PCI"));
    assertThat(store.get(XapiClass.PCI, vgpu.string("PCI")).string("pci_id"))
        .isEqualTo("0000:c1:00.4");
    assertThat(type.string("implementation")).isEqualTo("nvidia_sriov");
    assertThat(type.string("model_name")).isEqualTo("GRID A100-4C");
    assertThat(PassthroughPcis.of(store, vm)).isEmpty();
  }

  @Test
  void aPlainVgpuLeavesPassedThroughPcisCounted() {
    XapiRecord vm = vm("both");
    XapiRecord vgpu = store.get(XapiClass.VGPU, vm.strings("VGPUs").get(0));

    assertThat(store.get(XapiClass.VGPU_TYPE, vgpu.string("type")).string("implementation"))
        .isEqualTo("nvidia");
    assertThat(PassthroughPcis.of(store, vm)).isEqualTo(vm.strings("attached_PCIs")).hasSize(1);
  }

  private XapiRecord vm(String name) {
    return store.where(XapiClass.VM, r -> name.equals(r.get("name_label"))).get(0);
  }
}
