package io.xemigrate.planner.schedule;

import java.util.Arrays;

/**
 * Max-min fair rates by progressive filling: every unfrozen flow's rate rises at the same pace; a
 * flow freezes when it reaches its own cap or when a resource it uses is full. No flow can then
 * gain without taking from a flow that has no more than it. This is how TCP streams sharing a NIC
 * behave to a first approximation.
 */
final class FairShare {
  private static final double EPSILON = 1e-9;

  private FairShare() {}

  /**
   * The rate of each flow.
   *
   * @param capacities capacity of each resource
   * @param flowResources for each flow, the indices of the resources it crosses
   * @param flowCaps for each flow, the most it may carry
   */
  static double[] rates(double[] capacities, int[][] flowResources, double[] flowCaps) {
    // Work on the resources some flow uses only: a batch knows many idle NICs and SRs.
    int[] compact = new int[capacities.length];
    Arrays.fill(compact, -1);
    int used = 0;
    int[][] flows = new int[flowResources.length][];
    for (int f = 0; f < flowResources.length; f++) {
      flows[f] = new int[flowResources[f].length];
      for (int k = 0; k < flowResources[f].length; k++) {
        int r = flowResources[f][k];
        if (compact[r] < 0) {
          compact[r] = used++;
        }
        flows[f][k] = compact[r];
      }
    }
    double[] capacity = new double[used];
    for (int r = 0; r < capacities.length; r++) {
      if (compact[r] >= 0) {
        capacity[compact[r]] = capacities[r];
      }
    }
    return fill(capacity, flows, flowCaps);
  }

  private static double[] fill(double[] capacities, int[][] flowResources, double[] flowCaps) {
    int flows = flowResources.length;
    double[] rates = new double[flows];
    boolean[] frozen = new boolean[flows];
    double[] left = capacities.clone();
    int[] users = new int[capacities.length];
    for (int[] resources : flowResources) {
      for (int r : resources) {
        users[r]++;
      }
    }
    int unfrozen = flows;
    while (unfrozen > 0) {
      double step = Double.POSITIVE_INFINITY;
      for (int r = 0; r < left.length; r++) {
        if (users[r] > 0) {
          step = Math.min(step, left[r] / users[r]);
        }
      }
      for (int f = 0; f < flows; f++) {
        if (!frozen[f]) {
          step = Math.min(step, flowCaps[f] - rates[f]);
        }
      }
      step = Math.max(0, step);
      for (int f = 0; f < flows; f++) {
        if (!frozen[f]) {
          rates[f] += step;
          for (int r : flowResources[f]) {
            left[r] -= step;
          }
        }
      }
      for (int f = 0; f < flows; f++) {
        if (frozen[f]) {
          continue;
        }
        boolean full = flowCaps[f] - rates[f] <= EPSILON * Math.max(1, flowCaps[f]);
        for (int r : flowResources[f]) {
          full |= left[r] <= EPSILON * Math.max(1, capacities[r]);
        }
        if (full) {
          frozen[f] = true;
          unfrozen--;
          for (int r : flowResources[f]) {
            users[r]--;
          }
        }
      }
    }
    return rates;
  }
}
