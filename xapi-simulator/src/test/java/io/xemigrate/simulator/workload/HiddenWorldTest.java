package io.xemigrate.simulator.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioGenerator;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drawing the hidden truth from a scenario's distributions. */
class HiddenWorldTest {

  @Test
  void everyVmOfAGeneratedFleetGetsItsOwnDrawFromItsKind() {
    try (Simulator sim =
        Simulator.start(
            ScenarioGenerator.generate(4, 200, 11),
            SimulatorOptions.manualClock().withPlainHttp(true))) {
      HiddenWorld world = sim.fleet().hidden();
      List<XapiRecord> vms =
          sim.pool("pool-0").store().where(XapiClass.VM, vm -> !vm.bool("is_control_domain"));
      assertThat(vms).hasSize(200);
      assertThat(vms).allSatisfy(vm -> assertThat(world.vm(vm.uuid())).isPresent());
      List<VmWorkload> databases =
          world.vms().values().stream().filter(w -> w.kind().equals("database")).toList();
      List<VmWorkload> idle =
          world.vms().values().stream().filter(w -> w.kind().equals("idle")).toList();
      assertThat(databases).hasSizeGreaterThan(10);
      assertThat(idle).hasSizeGreaterThan(10);
      // Spread: no two databases dirty memory at the same base rate.
      assertThat(databases.stream().map(VmWorkload::dirtyBytesPerSecond).distinct())
          .hasSameSizeAs(databases);
      double databaseMedian = median(databases);
      double idleMedian = median(idle);
      assertThat(databaseMedian).isGreaterThan(20 * idleMedian);
    }
  }

  @Test
  void aVmsOwnFiguresAreTheMediansOfItsProcess() {
    try (Simulator sim =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"),
            SimulatorOptions.manualClock().withPlainHttp(true))) {
      XapiRecord web =
          sim.pool("pool-a")
              .store()
              .where(XapiClass.VM, vm -> vm.string("name_label").equals("web-01"))
              .get(0);
      VmWorkload workload = sim.fleet().hidden().vm(web.uuid()).orElseThrow();
      assertThat(workload.kind()).isEqualTo(WorkloadKinds.GENERAL);
      // web-01 gives 20 MB/s: the drawn base is near it, not equal to it.
      assertThat(workload.dirtyBytesPerSecond()).isNotEqualTo(20e6).isBetween(20e6 / 3, 20e6 * 3);
    }
  }

  private static double median(List<VmWorkload> workloads) {
    double[] rates =
        workloads.stream().mapToDouble(VmWorkload::dirtyBytesPerSecond).sorted().toArray();
    return rates[rates.length / 2];
  }
}
