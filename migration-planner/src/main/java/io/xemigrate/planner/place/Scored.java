package io.xemigrate.planner.place;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A feasible host's scores while placement runs: an array in scorer order, turned into a named
 * {@link HostScore} only for the hosts the explanation keeps (there are many hosts per VM).
 */
record Scored(String hostUuid, double[] values, double total) {

  HostScore named(List<String> scorerNames) {
    Map<String, Double> named = new TreeMap<>();
    for (int i = 0; i < values.length; i++) {
      named.put(scorerNames.get(i), values[i]);
    }
    return new HostScore(hostUuid, named, total);
  }
}
