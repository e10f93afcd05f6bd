package io.xemigrate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code VM.destroy} and {@code VDI.destroy}: never a running VM, never a disk a running VM has.
 */
class DestroyMethodsTest {
  private Simulator simulator;
  private RawClient master;
  private String session;
  private PoolRuntime pool;

  @BeforeEach
  void start() throws Exception {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"),
            SimulatorOptions.manualClock().withPlainHttp(true));
    master = new RawClient(simulator.endpoints().pool("pool-a").master());
    session = master.login("root", "xenroot");
    pool = simulator.pool("pool-a");
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aRunningVmAndItsDisksAreRefused() throws Exception {
    XapiRecord web = vm("web-01");
    String disk = diskOf(web);

    JsonNode vm = master.json(true, "VM.destroy", session, web.ref()).get("error");
    JsonNode vdi = master.json(true, "VDI.destroy", session, disk).get("error");

    assertThat(vm.get("message").asText()).isEqualTo("VM_BAD_POWER_STATE");
    assertThat(vdi.get("message").asText()).isEqualTo("VDI_IN_USE");
    assertThat(vdi.get("data").get(1).asText()).isEqualTo("destroy");
    assertThat(pool.store().find(XapiClass.VM, web.ref())).isPresent();
    assertThat(pool.store().find(XapiClass.VDI, disk)).isPresent();
  }

  @Test
  void aHaltedVmGoesWithItsDevicesThenItsDiskCanGo() throws Exception {
    XapiRecord archive = vm("archive-01");
    String disk = diskOf(archive);
    List<String> vbds = archive.strings("VBDs");
    List<String> vifs = archive.strings("VIFs");

    master.result("VM.destroy", session, archive.ref());

    assertThat(pool.store().find(XapiClass.VM, archive.ref())).isEmpty();
    vbds.forEach(vbd -> assertThat(pool.store().find(XapiClass.VBD, vbd)).isEmpty());
    vifs.forEach(vif -> assertThat(pool.store().find(XapiClass.VIF, vif)).isEmpty());
    assertThat(pool.store().find(XapiClass.VDI, disk)).isPresent();

    master.result("VDI.destroy", session, disk);

    assertThat(pool.store().find(XapiClass.VDI, disk)).isEmpty();
  }

  private XapiRecord vm(String name) {
    return pool.store().where(XapiClass.VM, r -> r.string("name_label").equals(name)).get(0);
  }

  private String diskOf(XapiRecord vm) {
    return vm.strings("VBDs").stream()
        .map(vbd -> pool.store().get(XapiClass.VBD, vbd).string("VDI"))
        .filter(vdi -> pool.store().find(XapiClass.VDI, vdi).isPresent())
        .findFirst()
        .orElseThrow();
  }
}
