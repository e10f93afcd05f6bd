package io.xemigrate.plugin.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.xemigrate.plugin.capture.RrdLoads.VmLoad;
import io.xemigrate.simulator.scenario.WorkloadSpec.KindSpec;
import io.xemigrate.xapi.model.Vm;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CapturedWorkloadsTest {
  private static final double BURST_MEAN = 1 + 1.0 * 20 / 300;

  @Test
  void observedFiguresAreFixedAndTheBurstsAreTakenOutOfTheirBase() {
    Vm vm = Vm.builder("u1").vcpusMax(4).build();
    VmLoad load = new VmLoad(0.2, 4e9, OptionalDouble.of(1e9), 3e6 * BURST_MEAN, 2e6, 5e6);

    KindSpec kind = CapturedWorkloads.kind(vm, load);

    assertThat(kind.diskWriteMBps().median()).isCloseTo(3.0, within(1e-4));
    assertThat(kind.diskWriteMBps().spread()).isZero();
    assertThat(kind.diskReadMBps().median()).isCloseTo(2.0, within(1e-4));
    assertThat(kind.networkMBps().median()).isCloseTo(5.0, within(1e-4));
    assertThat(kind.memoryUsedPercent().median()).isCloseTo(75.0, within(1e-4));
    double cpu = 0.2 / (0.5 + 0.5 * BURST_MEAN);
    assertThat(kind.cpuPercent().median()).isCloseTo(cpu * 100, within(1e-3));
    // The stated prior: 8 x disk writes + 10 per busy vCPU, spread 0.5.
    assertThat(kind.dirtyRateMBps().median()).isCloseTo(8 * 3.0 + 10 * cpu * 4, within(1e-3));
    assertThat(kind.dirtyRateMBps().spread()).isEqualTo(0.5);
    assertThat(kind.workingSetPercent().median()).isCloseTo(0.15 * 75, within(1e-4));
  }

  @Test
  void aQuietGuestWithoutToolsStillDirtiesAMegabyteAndKeepsTheDefaultMemoryUse() {
    Vm vm = Vm.builder("u2").vcpusMax(1).build();
    KindSpec kind = CapturedWorkloads.kind(vm, new VmLoad(0, 1e9, OptionalDouble.empty(), 0, 0, 0));

    assertThat(kind.dirtyRateMBps().median()).isEqualTo(1.0);
    assertThat(kind.memoryUsedPercent()).isNull();
    assertThat(kind.workingSetPercent().median()).isCloseTo(6.0, within(1e-9));
  }
}
