package io.xemigrate.planner.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The list orders the scheduler tries; ties always fall back to the VM UUID. */
enum CandidateOrder {
  LONGEST_FIRST("longest first"),
  EXCLUSIVE_FIRST("exclusive first, then longest"),
  EXCLUSIVE_LAST("exclusive last, then longest"),
  BUSIEST_HOST_FIRST("busiest sending host first, then longest"),
  BUSIEST_RESOURCE_FIRST("busiest host or SR first, then longest"),
  PRIORITY_FIRST("priority first, then longest"),
  INVENTORY("inventory order");

  private final String label;

  CandidateOrder(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  List<Candidate> sort(List<Candidate> items) {
    Comparator<Candidate> longest =
        Comparator.comparingDouble((Candidate c) -> -c.solo().totalSeconds())
            .thenComparing(c -> c.move().vmUuid());
    Comparator<Candidate> comparator =
        switch (this) {
          case LONGEST_FIRST -> longest;
          case EXCLUSIVE_FIRST ->
              Comparator.comparing((Candidate c) -> !c.exclusive()).thenComparing(longest);
          case EXCLUSIVE_LAST -> Comparator.comparing(Candidate::exclusive).thenComparing(longest);
          case BUSIEST_HOST_FIRST -> busiestHostFirst(items).thenComparing(longest);
          case BUSIEST_RESOURCE_FIRST -> busiestResourceFirst(items).thenComparing(longest);
          case PRIORITY_FIRST ->
              Comparator.comparingInt((Candidate c) -> -c.move().priority()).thenComparing(longest);
          case INVENTORY -> Comparator.comparingInt(Candidate::inventoryIndex);
        };
    return items.stream().sorted(comparator).toList();
  }

  private static Comparator<Candidate> busiestHostFirst(List<Candidate> items) {
    Map<String, Double> work = new HashMap<>();
    for (Candidate c : items) {
      work.merge(c.move().sourceHostUuid(), c.solo().totalSeconds(), Double::sum);
    }
    return Comparator.comparingDouble((Candidate c) -> -work.get(c.move().sourceHostUuid()))
        .thenComparing(c -> c.move().sourceHostUuid());
  }

  /**
   * Moves on the most loaded resource first (sending host, receiving host, SR; load = the sum of
   * solo durations of the moves using it): the bottleneck of the lower bound starts early and stays
   * busy.
   */
  private static Comparator<Candidate> busiestResourceFirst(List<Candidate> items) {
    Map<String, Double> load = new HashMap<>();
    for (Candidate c : items) {
      for (String resource : resources(c)) {
        load.merge(resource, c.solo().totalSeconds(), Double::sum);
      }
    }
    Map<Candidate, Double> heaviest = new HashMap<>();
    for (Candidate c : items) {
      double max = 0;
      for (String resource : resources(c)) {
        max = Math.max(max, load.get(resource));
      }
      heaviest.put(c, max);
    }
    return Comparator.comparingDouble((Candidate c) -> -heaviest.get(c));
  }

  private static List<String> resources(Candidate c) {
    List<String> resources = new ArrayList<>();
    resources.add("from:" + c.move().sourceHostUuid());
    resources.add("to:" + c.move().destinationHostUuid());
    c.move()
        .disks()
        .forEach(
            disk -> {
              resources.add("sr:" + disk.sourceSrUuid());
              resources.add("sr:" + disk.destinationSrUuid());
            });
    return resources;
  }
}
