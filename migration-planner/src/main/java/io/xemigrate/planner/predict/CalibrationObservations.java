package io.xemigrate.planner.predict;

import java.util.Map;
import java.util.Optional;

/**
 * Observations from completed moves that refine the defaults: the bandwidth one stream actually got
 * between two hosts, and each VM's observed dirtying. The coordinator's journal supplies them; the
 * planner only reads them.
 *
 * @param streamBytesPerSecond observed bandwidth of one migration stream per host pair
 * @param vmBehaviour observed dirtying per VM UUID
 */
public record CalibrationObservations(
    Map<HostPair, Double> streamBytesPerSecond, Map<String, ObservedVmBehaviour> vmBehaviour) {

  /** Copies the maps. */
  public CalibrationObservations {
    streamBytesPerSecond = Map.copyOf(streamBytesPerSecond);
    vmBehaviour = Map.copyOf(vmBehaviour);
  }

  /** Nothing observed yet. */
  public static CalibrationObservations none() {
    return new CalibrationObservations(Map.of(), Map.of());
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
