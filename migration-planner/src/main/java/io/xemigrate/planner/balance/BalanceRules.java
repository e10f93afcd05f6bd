package io.xemigrate.planner.balance;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules of a balance besides the VMs' tags, as a rules file gives them. VMs and hosts are named
 * by UUID or name label. One rule a line, {@code #} starts a comment:
 *
 * <pre>
 * anti-affinity GROUP VM[,VM...]   VMs of the group on distinct hosts
 * affinity GROUP VM[,VM...]        VMs of the group on one host
 * pinned VM[,VM...]                never moved
 * exclude-host HOST[,HOST...]      neither emptied nor filled
 * </pre>
 */
public record BalanceRules(
    ImmutableSortedMap<String, ImmutableSortedSet<String>> antiAffinity,
    ImmutableSortedMap<String, ImmutableSortedSet<String>> affinity,
    ImmutableSortedSet<String> pinned,
    ImmutableSortedSet<String> excludedHosts) {

  /** The words a rule line starts with. */
  public static final ImmutableSet<String> KINDS =
      ImmutableSet.of("anti-affinity", "affinity", "pinned", "exclude-host");

  /** No rules. */
  public static BalanceRules none() {
    return new BalanceRules(
        ImmutableSortedMap.of(),
        ImmutableSortedMap.of(),
        ImmutableSortedSet.of(),
        ImmutableSortedSet.of());
  }

  /** These rules with more excluded hosts. */
  public BalanceRules excluding(Set<String> hosts) {
    return new BalanceRules(
        antiAffinity,
        affinity,
        pinned,
        ImmutableSortedSet.<String>naturalOrder().addAll(excludedHosts).addAll(hosts).build());
  }

  /**
   * Parses a rules file's text.
   *
   * @throws IllegalArgumentException naming the line and what is wrong with it
   */
  public static BalanceRules parse(String text) {
    Map<String, Set<String>> anti = new TreeMap<>();
    Map<String, Set<String>> together = new TreeMap<>();
    Set<String> pinned = new TreeSet<>();
    Set<String> excluded = new TreeSet<>();
    List<String> lines = Splitter.on('\n').splitToList(text);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      List<String> words =
          Splitter.on(' ')
              .trimResults()
              .omitEmptyStrings()
              .splitToList((hash < 0 ? line : line.substring(0, hash)).replace('\t', ' '));
      if (words.isEmpty()) {
        continue;
      }
      String kind = words.get(0).toLowerCase(Locale.ROOT);
      int number = i + 1;
      switch (kind) {
        case "anti-affinity" ->
            anti.computeIfAbsent(group(words, number), g -> new TreeSet<>())
                .addAll(names(words, 2, number));
        case "affinity" ->
            together
                .computeIfAbsent(group(words, number), g -> new TreeSet<>())
                .addAll(names(words, 2, number));
        case "pinned" -> pinned.addAll(names(words, 1, number));
        case "exclude-host" -> excluded.addAll(names(words, 1, number));
        default ->
            throw new IllegalArgumentException(
                "line "
                    + number
                    + ": unknown rule '"
                    + words.get(0)
                    + "': write one of "
                    + String.join(", ", KINDS));
      }
    }
    return new BalanceRules(
        sorted(anti),
        sorted(together),
        ImmutableSortedSet.copyOf(pinned),
        ImmutableSortedSet.copyOf(excluded));
  }

  private static String group(List<String> words, int number) {
    if (words.size() < 3) {
      throw new IllegalArgumentException(
          "line " + number + ": write " + words.get(0) + " GROUP VM[,VM...]");
    }
    return words.get(1);
  }

  private static List<String> names(List<String> words, int from, int number) {
    if (words.size() != from + 1) {
      throw new IllegalArgumentException(
          "line "
              + number
              + ": "
              + words.get(0)
              + " takes "
              + (from == 2 ? "a group and " : "")
              + "one comma-separated list without spaces");
    }
    return Splitter.on(',').trimResults().omitEmptyStrings().splitToList(words.get(from));
  }

  private static ImmutableSortedMap<String, ImmutableSortedSet<String>> sorted(
      Map<String, Set<String>> groups) {
    ImmutableSortedMap.Builder<String, ImmutableSortedSet<String>> builder =
        ImmutableSortedMap.naturalOrder();
    groups.forEach((group, names) -> builder.put(group, ImmutableSortedSet.copyOf(names)));
    return builder.build();
  }
}
