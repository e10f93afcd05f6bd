package io.xemigrate.planner.place;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scores of one feasible host for one VM.
 *
 * @param scores each scorer's score, by scorer name, rounded to 4 decimals
 * @param total the mean of the scores, which the selector maximises
 */
public record HostScore(String hostUuid, Map<String, Double> scores, double total) {
  public HostScore {
    scores = Collections.unmodifiableSortedMap(new TreeMap<>(scores));
  }
}
