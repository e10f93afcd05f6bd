package io.xemigrate.simulator.physics;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Max-min fair sharing of capacities among streams, by progressive filling: every unfrozen stream
 * grows at the same pace until it meets its own cap or saturates one of its resources.
 */
final class FairShare {
  /** What one stream asks for: the resources it crosses and its own ceiling. */
  record Demand(List<String> resources, double cap) {}

  private FairShare() {}

  /**
   * Rates in bytes per second, one per demand key. A resource missing from {@code capacities} is
   * unlimited.
   */
  static ImmutableMap<String, Double> allocate(
      Map<String, Demand> demands, Map<String, Double> capacities) {
    Map<String, Double> rates = new LinkedHashMap<>();
    List<String> unfrozen = new ArrayList<>(demands.keySet());
    Map<String, Double> used = new HashMap<>();
    while (!unfrozen.isEmpty()) {
      Map<String, Integer> crossing = new HashMap<>();
      for (String stream : unfrozen) {
        for (String resource : demands.get(stream).resources()) {
          crossing.merge(resource, 1, Integer::sum);
        }
      }
      double level = Double.POSITIVE_INFINITY;
      for (Map.Entry<String, Integer> entry : crossing.entrySet()) {
        double capacity = capacities.getOrDefault(entry.getKey(), Double.POSITIVE_INFINITY);
        double left = Math.max(0, capacity - used.getOrDefault(entry.getKey(), 0.0));
        level = Math.min(level, left / entry.getValue());
      }
      for (String stream : unfrozen) {
        level = Math.min(level, demands.get(stream).cap());
      }
      List<String> frozenNow = new ArrayList<>();
      for (String stream : unfrozen) {
        Demand demand = demands.get(stream);
        if (demand.cap() <= level || touchesSaturated(demand, level, crossing, capacities, used)) {
          frozenNow.add(stream);
        }
      }
      for (String stream : frozenNow) {
        rates.put(stream, level);
        for (String resource : demands.get(stream).resources()) {
          used.merge(resource, level, Double::sum);
        }
      }
      unfrozen.removeAll(frozenNow);
    }
    return ImmutableMap.copyOf(rates);
  }

  private static boolean touchesSaturated(
      Demand demand,
      double level,
      Map<String, Integer> crossing,
      Map<String, Double> capacities,
      Map<String, Double> used) {
    for (String resource : demand.resources()) {
      double capacity = capacities.getOrDefault(resource, Double.POSITIVE_INFINITY);
      double left = capacity - used.getOrDefault(resource, 0.0);
      // Relative tolerance: the resource that set the level is saturated up to rounding.
      if (left - level * crossing.get(resource) <= 1e-9 * Math.max(1, capacity)) {
        return true;
      }
    }
    return false;
  }
}
