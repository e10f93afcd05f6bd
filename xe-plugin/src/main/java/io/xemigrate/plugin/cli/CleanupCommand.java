package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.pools.PoolConnectionException;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.coordinator.pools.PoolProfileException;
import io.xemigrate.coordinator.run.Cleanup;
import io.xemigrate.coordinator.run.CleanupResult;
import io.xemigrate.coordinator.run.JournaledRun;
import io.xemigrate.coordinator.run.Leftover;
import io.xemigrate.planner.plan.InventoryIdentity;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cleanup pool=POOL [yes=true]}: lists what the journaled runs left in a pool (halted
 * duplicate VMs, disks no running VM uses; see {@link Cleanup}), asks, and removes it. The other
 * pool of each run is read too, to see where each VM runs now; a run whose other pool cannot be
 * read is left alone.
 */
final class CleanupCommand implements Command {
  @Override
  public String name() {
    return "cleanup";
  }

  @Override
  public String summary() {
    return "Remove what failed runs left in a pool: halted duplicate VMs, unused copied disks";
  }

  @Override
  public String synopsis() {
    return "cleanup pool=<pool> [yes=true] [pools=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder().add("pool", "yes").addAll(PoolParameters.KEYS).build();
  }

  /** The {@code --json} output. */
  record Report(
      String pool,
      List<Leftover> leftovers,
      List<Leftover> removed,
      List<CleanupResult.Failure> failed) {}

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    boolean yes = Parameters.bool("yes", arguments.optional("yes").orElse("false"));
    PoolParameters pools = CommandSupport.pools(arguments, console);
    PoolProfile profile = pools.pool("pool");
    PoolInventory pool = pools.connector().loadInventory(profile);
    List<Leftover> leftovers;
    try (Journal journal = RunSession.openJournal()) {
      leftovers = find(pool, JournaledRun.all(journal), pools, console);
    }
    String name = profile.name();
    if (leftovers.isEmpty()) {
      print(console, new Report(name, leftovers, List.of(), List.of()), "nothing to clean");
      return ExitCode.DONE;
    }
    if (!console.json()) {
      console.line("pool " + name + ": " + leftovers.size() + " leftovers of xe-migrate runs");
      leftovers.forEach(leftover -> console.line("  " + describe(leftover)));
    }
    if (!Confirmation.confirmed(yes, console, "Remove them?")) {
      return ExitCode.BAD_INPUT;
    }
    CleanupResult result =
        pools.connector().withClient(profile, client -> Cleanup.remove(client, leftovers));
    print(
        console,
        new Report(name, leftovers, result.removed(), result.failed()),
        result.removed().size() + " removed, " + result.failed().size() + " failed");
    if (!console.json()) {
      result
          .failed()
          .forEach(
              f -> console.line("  not removed (" + f.code() + "): " + describe(f.leftover())));
    }
    return result.ok() ? ExitCode.DONE : ExitCode.FAILED;
  }

  /** The runs that touched {@code pool}, with their other pools read where a profile has them. */
  private static List<Leftover> find(
      PoolInventory pool, List<JournaledRun> runs, PoolParameters pools, Console console) {
    String uuid = pool.pool().uuid();
    Map<String, PoolInventory> others = new LinkedHashMap<>();
    List<JournaledRun> readable = new ArrayList<>();
    for (JournaledRun run : runs) {
      InventoryIdentity source = run.plan().source();
      InventoryIdentity destination = run.plan().destination();
      if (!source.poolUuid().equals(uuid) && !destination.poolUuid().equals(uuid)) {
        continue;
      }
      InventoryIdentity other = source.poolUuid().equals(uuid) ? destination : source;
      if (other.poolUuid().equals(uuid) || load(other, others, pools, console, run.runId())) {
        readable.add(run);
      }
    }
    return Cleanup.find(pool, others.values(), readable);
  }

  private static boolean load(
      InventoryIdentity other,
      Map<String, PoolInventory> others,
      PoolParameters pools,
      Console console,
      String runId) {
    if (others.containsKey(other.poolUuid())) {
      return true;
    }
    try {
      others.put(
          other.poolUuid(), pools.connector().loadInventory(RunSession.profileOf(pools, other)));
      return true;
    } catch (BadRequestException | PoolConnectionException | PoolProfileException e) {
      console
          .err()
          .println(
              "xe-migrate: warning: run "
                  + runId
                  + " left alone: its pool "
                  + other.poolName()
                  + " cannot be read ("
                  + e.getMessage()
                  + ")");
      return false;
    }
  }

  private static String describe(Leftover leftover) {
    return String.format(
        "%-4s %s  %-24s %s (run %s)",
        leftover.kind().name().toLowerCase(Locale.ROOT),
        leftover.uuid(),
        leftover.name(),
        leftover.reason(),
        leftover.runId());
  }

  private static void print(Console console, Report report, String plain) {
    if (console.json()) {
      console.line(Json.write(report));
    } else {
      console.line("pool " + report.pool() + ": " + plain);
    }
  }
}
