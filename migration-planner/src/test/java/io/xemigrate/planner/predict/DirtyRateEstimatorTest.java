package io.xemigrate.planner.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirtyRateEstimatorTest {
  private static final long GIB = 1L << 30;
  private static final String UUID = "0b9f5c3e-0000-4000-8000-000000000001";

  private static Vm vm(Map<String, String> otherConfig, ImmutableList<String> tags) {
    return Vm.builder(UUID)
        .nameLabel("db-1")
        .powerState(PowerState.RUNNING)
        .residentOnHostUuid("host-a")
        .memory(new Vm.Memory(GIB, 4 * GIB, 8 * GIB, 16 * GIB, 0))
        .memoryActual(6 * GIB)
        .vcpusMax(4)
        .vcpusAtStartup(4)
        .otherConfig(ImmutableMap.copyOf(otherConfig))
        .tags(tags)
        .build();
  }

  private static CalibrationObservations observed() {
    return new CalibrationObservations(
        Map.of(), Map.of(UUID, new ObservedVmBehaviour(42e6, 300L << 20, 2)));
  }

  @Test
  void otherConfigComesFirstInMegabitsAndMebibytes() {
    Vm vm =
        vm(
            Map.of(DirtyRateEstimator.RATE_KEY, "100", DirtyRateEstimator.WWS_KEY, "512"),
            ImmutableList.of());

    DirtyEstimate estimate = new DirtyRateEstimator(observed()).estimate(vm, 6 * GIB);

    assertThat(estimate.source()).isEqualTo(DirtySource.OTHER_CONFIG);
    assertThat(estimate.profile()).isEqualTo(new DirtyProfile(100e6, 512L << 20));
  }

  @Test
  void aLoneOtherConfigKeyTakesTheOtherFigureFromTheKind() {
    Vm vm =
        vm(
            Map.of(DirtyRateEstimator.RATE_KEY, "10", DirtyRateEstimator.KIND_KEY, "database"),
            ImmutableList.of());

    DirtyEstimate estimate =
        new DirtyRateEstimator(CalibrationObservations.none()).estimate(vm, 4 * GIB);

    assertThat(estimate.profile().rateBytesPerSecond()).isEqualTo(10e6);
    assertThat(estimate.profile().writableWorkingSetBytes()).isEqualTo(GIB);
    assertThat(estimate.kind()).isEqualTo(WorkloadKind.DATABASE);
  }

  @Test
  void calibrationComesNextThenTheKindDefaults() {
    Vm vm = vm(Map.of(), ImmutableList.of());

    DirtyEstimate calibrated = new DirtyRateEstimator(observed()).estimate(vm, 6 * GIB);
    DirtyEstimate defaulted =
        new DirtyRateEstimator(CalibrationObservations.none()).estimate(vm, 6 * GIB);

    assertThat(calibrated.source()).isEqualTo(DirtySource.CALIBRATION);
    assertThat(calibrated.profile()).isEqualTo(new DirtyProfile(42e6, 300L << 20));
    assertThat(defaulted.source()).isEqualTo(DirtySource.DEFAULT_BY_KIND);
    assertThat(defaulted.kind()).isEqualTo(WorkloadKind.GENERAL);
    assertThat(defaulted.profile()).isEqualTo(new DirtyProfile(20e6, (long) (0.10 * 6 * GIB)));
  }

  @Test
  void unreadableValuesFallThroughToTheNextSource() {
    Vm vm =
        vm(
            Map.of(DirtyRateEstimator.RATE_KEY, "fast", DirtyRateEstimator.WWS_KEY, "-3"),
            ImmutableList.of("xe-migrate:workload=memory-intensive"));

    DirtyEstimate estimate =
        new DirtyRateEstimator(CalibrationObservations.none()).estimate(vm, 6 * GIB);

    assertThat(estimate.source()).isEqualTo(DirtySource.DEFAULT_BY_KIND);
    assertThat(estimate.kind()).isEqualTo(WorkloadKind.MEMORY_INTENSIVE);
    assertThat(estimate.profile().writableWorkingSetBytes()).isEqualTo(6 * GIB);
  }

  @Test
  void populatedMemoryIsTheActualAllocationNotStaticMax() {
    assertThat(DirtyRateEstimator.populatedMemory(vm(Map.of(), ImmutableList.of())))
        .isEqualTo(6 * GIB);
  }

  @Test
  void observedStreamBandwidthIsLookedUpPerDirectedPair() {
    CalibrationObservations calibration =
        new CalibrationObservations(Map.of(new HostPair("a", "b"), 90e6), Map.of());

    assertThat(calibration.streamBandwidth("a", "b")).contains(90e6);
    assertThat(calibration.streamBandwidth("b", "a")).isEmpty();
  }

  @Test
  void aPlacedVmBecomesAMoveDemandFromItsHostWithItsEstimate() {
    Vm vm = vm(Map.of(DirtyRateEstimator.RATE_KEY, "50"), ImmutableList.of());
    DiskCopy disk = new DiskCopy("vdi", GIB, "sr-a", "sr-b");

    MoveDemand demand =
        new MoveDemands(new DirtyRateEstimator(CalibrationObservations.none()))
            .of(vm, "host-b", List.of(disk), true, 2);

    assertThat(demand.sourceHostUuid()).isEqualTo("host-a");
    assertThat(demand.destinationHostUuid()).isEqualTo("host-b");
    assertThat(demand.memoryPopulatedBytes()).isEqualTo(6 * GIB);
    assertThat(demand.dirty().rateBytesPerSecond()).isEqualTo(50e6);
    assertThat(demand.disks()).containsExactly(disk);
    assertThat(demand.crossPool()).isTrue();
    assertThat(demand.priority()).isEqualTo(2);
  }
}
