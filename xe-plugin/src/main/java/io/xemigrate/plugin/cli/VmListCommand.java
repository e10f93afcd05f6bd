package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;
import java.util.List;
import java.util.Locale;

/** {@code vm-list pool=}: the guests of a pool with their power state and host. */
final class VmListCommand implements Command {

  /** One row of {@code --json}. */
  record VmRow(String uuid, String name, String powerState, String host) {}

  /** The {@code --json} document. */
  record VmListing(List<VmRow> vms) {}

  @Override
  public String name() {
    return "vm-list";
  }

  @Override
  public String summary() {
    return "List the VMs of a pool: UUID, name, power state, host";
  }

  @Override
  public String synopsis() {
    return "vm-list pool=<pool> [pools=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder().add("pool").addAll(PoolParameters.KEYS).build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    PoolParameters pools = CommandSupport.pools(arguments, console);
    PoolProfile profile = pools.pool("pool");
    PoolInventory inventory = pools.connector().loadInventory(profile);
    List<VmRow> rows =
        inventory.guests().stream()
            .map(
                vm ->
                    new VmRow(
                        vm.uuid(),
                        vm.nameLabel(),
                        vm.powerState().name().toLowerCase(Locale.ROOT),
                        hostName(inventory, vm)))
            .sorted(java.util.Comparator.comparing(VmRow::name).thenComparing(VmRow::uuid))
            .toList();
    if (console.json()) {
      console.line(Json.write(new VmListing(rows)));
      return ExitCode.DONE;
    }
    String format = "%-36s  %-20s  %-9s  %s";
    console.line(String.format(Locale.ROOT, format, "UUID", "NAME", "POWER", "HOST"));
    rows.forEach(
        row ->
            console.line(
                String.format(
                    Locale.ROOT, format, row.uuid(), row.name(), row.powerState(), row.host())));
    return ExitCode.DONE;
  }

  private static String hostName(PoolInventory inventory, Vm vm) {
    return inventory.host(vm.residentOnHostUuid()).map(Host::nameLabel).orElse("");
  }
}
