package io.xemigrate.planner;

import com.google.common.collect.ImmutableSortedSet;
import io.xemigrate.xapi.model.Vm;
import java.util.Arrays;
import java.util.Locale;

/**
 * The anti-affinity groups of a VM: VMs of one group should not share a host. A group is declared
 * by a tag {@code anti-affinity:<group>} or by {@code other_config["xe-migrate:anti-affinity"]}
 * holding comma-separated group names.
 */
public final class AntiAffinity {
  public static final String TAG_PREFIX = "anti-affinity:";
  public static final String OTHER_CONFIG_KEY = "xe-migrate:anti-affinity";

  private AntiAffinity() {}

  public static ImmutableSortedSet<String> groups(Vm vm) {
    ImmutableSortedSet.Builder<String> groups = ImmutableSortedSet.naturalOrder();
    for (String tag : vm.tags()) {
      if (tag.toLowerCase(Locale.ROOT).startsWith(TAG_PREFIX)
          && tag.length() > TAG_PREFIX.length()) {
        groups.add(tag.substring(TAG_PREFIX.length()).trim());
      }
    }
    String configured = vm.otherConfig().getOrDefault(OTHER_CONFIG_KEY, "");
    Arrays.stream(configured.split(","))
        .map(String::trim)
        .filter(group -> !group.isEmpty())
        .forEach(groups::add);
    return groups.build();
  }
}
