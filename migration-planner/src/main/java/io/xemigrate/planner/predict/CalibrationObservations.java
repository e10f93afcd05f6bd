package io.xemigrate.planner.predict;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Observations from completed moves that refine the defaults: the bandwidth one stream actually got
 * between two hosts, each VM's observed dirtying, and the raw moves both are fitted from. The
 * coordinator's journal supplies the raw moves; {@link HistoryFit} turns them into the two maps
 * (the planner's topology does it, {@code InventoryTopology}); the planner only reads them.
 *
 * @param streamBytesPerSecond observed bandwidth of one migration stream per host pair
 * @param vmBehaviour observed dirtying per VM UUID
 * @param history the completed moves, newest run first or in any order (each carries its age)
 */
public record CalibrationObservations(
    Map<HostPair, Double> streamBytesPerSecond,
    Map<String, ObservedVmBehaviour> vmBehaviour,
    List<ObservedMove> history) {

  /** Copies the maps and the list. */
  public CalibrationObservations {
    streamBytesPerSecond = Map.copyOf(streamBytesPerSecond);
    vmBehaviour = Map.copyOf(vmBehaviour);
    history = ImmutableList.copyOf(history);
  }

  /** Fitted figures without the raw moves they came from. */
  public CalibrationObservations(
      Map<HostPair, Double> streamBytesPerSecond, Map<String, ObservedVmBehaviour> vmBehaviour) {
    this(streamBytesPerSecond, vmBehaviour, List.of());
  }

  /** Raw moves only: nothing fitted yet. */
  public static CalibrationObservations of(List<ObservedMove> history) {
    return new CalibrationObservations(Map.of(), Map.of(), history);
  }

  /** Nothing observed yet. */
  public static CalibrationObservations none() {
    return new CalibrationObservations(Map.of(), Map.of(), List.of());
  }

  /** The observed stream bandwidth from {@code source} to {@code destination}, if any. */
  public Optional<Double> streamBandwidth(String source, String destination) {
    return Optional.ofNullable(streamBytesPerSecond.get(new HostPair(source, destination)))
        .filter(rate -> rate > 0);
  }

  /** The VM's observed behaviour, when at least one move was observed. */
  public Optional<ObservedVmBehaviour> behaviourOf(String vmUuid) {
    return Optional.ofNullable(vmBehaviour.get(vmUuid)).filter(b -> b.movesObserved() > 0);
  }
}
