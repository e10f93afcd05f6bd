package io.xemigrate.coordinator.planning;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The VMs named by {@code vm=}: UUIDs or unique name-labels, comma-separated, or {@code all}. Every
 * mistake is one line naming the parameter. The command line and the HTTP API share it.
 */
public final class VmSelection {
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Eight hex digits, a dash, more hex: meant as a UUID, so a typo is not taken for a name. */
  private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]*)+");

  private final String parameter;
  private final ImmutableList<String> items;

  private VmSelection(String parameter, ImmutableList<String> items) {
    this.parameter = parameter;
    this.items = items;
  }

  /** Splits and checks the syntax (malformed UUIDs) before any pool is contacted. */
  public static VmSelection parse(String parameter, String value) {
    ImmutableList<String> items =
        ImmutableList.copyOf(Splitter.on(',').trimResults().omitEmptyStrings().split(value));
    if (items.isEmpty()) {
      throw new BadRequestException(
          "parameter '" + parameter + "' names no VM: give a UUID or name");
    }
    for (String item : items) {
      if (UUID_LIKE.matcher(item).matches() && !UUID.matcher(item).matches()) {
        throw new BadRequestException(
            "malformed UUID '" + item + "' in " + parameter + "=: a UUID is 8-4-4-4-12 hex digits");
      }
    }
    return new VmSelection(parameter, items);
  }

  public boolean all() {
    return items.equals(List.of("all"));
  }

  /** Whether every named VM is in {@code inventory} (to find the source pool). */
  public boolean allFoundIn(PoolInventory inventory) {
    return items.stream().allMatch(item -> !matches(item, inventory).isEmpty());
  }

  /** The UUIDs, in the order given; {@code all} is every guest of the pool. */
  public ImmutableList<String> resolve(PoolInventory inventory, String poolName) {
    if (all()) {
      return inventory.guests().stream().map(Vm::uuid).collect(ImmutableList.toImmutableList());
    }
    ImmutableList.Builder<String> uuids = ImmutableList.builder();
    for (String item : items) {
      List<Vm> found = matches(item, inventory);
      if (found.isEmpty()) {
        throw new BadRequestException(
            "unknown VM '" + item + "' in " + parameter + "=: pool '" + poolName + "' has none");
      }
      if (found.size() > 1) {
        throw new BadRequestException(
            "ambiguous name '"
                + item
                + "' in "
                + parameter
                + "=: "
                + found.size()
                + " VMs are called so ("
                + String.join(", ", found.stream().map(Vm::uuid).toList())
                + "); give a UUID");
      }
      uuids.add(found.get(0).uuid());
    }
    ImmutableList<String> resolved = uuids.build();
    if (resolved.stream().distinct().count() < resolved.size()) {
      throw new BadRequestException(
          parameter + "= names one VM twice (by name and UUID, or twice by one): name it once");
    }
    return resolved;
  }

  /** The VMs as given: UUIDs or names. */
  public ImmutableList<String> items() {
    return items;
  }

  /** Whether {@code inventory} has a guest answering to {@code item} (a UUID or a name). */
  public static boolean has(PoolInventory inventory, String item) {
    return !matches(item, inventory).isEmpty();
  }

  public String firstItem() {
    return items.get(0);
  }

  private static List<Vm> matches(String item, PoolInventory inventory) {
    if (UUID.matcher(item).matches()) {
      return Optional.ofNullable(inventory.vms().get(item.toLowerCase(java.util.Locale.ROOT)))
          .filter(Vm::isGuest)
          .stream()
          .toList();
    }
    return inventory.guests().stream().filter(vm -> vm.nameLabel().equals(item)).toList();
  }
}
