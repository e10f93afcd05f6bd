package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.planner.check.PoolComparator;
import io.xemigrate.planner.check.PoolComparison;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.Locale;

/**
 * {@code pool-check source= destination=}: versions, CPU, networks and SR types of two pools side
 * by side. Exit 3 when some row would stop or degrade moves.
 */
final class PoolCheckCommand implements Command {

  @Override
  public String name() {
    return "pool-check";
  }

  @Override
  public String summary() {
    return "Compare two pools: versions, CPU level, networks, SR types";
  }

  @Override
  public String synopsis() {
    return "pool-check source=<pool> destination=<pool> [pools=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder()
        .add("source", "destination")
        .addAll(PoolParameters.KEYS)
        .build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    PoolParameters pools = CommandSupport.pools(arguments, console);
    PoolProfile sourceProfile = pools.pool("source");
    PoolProfile destinationProfile =
        pools
            .destination("destination")
            .orElseThrow(
                () ->
                    new UsageException(
                        "missing parameter 'destination' for pool-check: add destination=POOL"));
    PoolInventory source = pools.connector().loadInventory(sourceProfile);
    PoolInventory destination = pools.connector().loadInventory(destinationProfile);
    PoolComparison comparison = PoolComparator.compare(source, destination);
    if (console.json()) {
      console.line(Json.write(comparison));
    } else {
      String format = "%-8s %-40s %-28s %-28s %-7s %s";
      console.line(
          String.format(
              Locale.ROOT,
              "Pool %s -> %s",
              source.pool().nameLabel(),
              destination.pool().nameLabel()));
      console.line(
          String.format(
              Locale.ROOT, format, "ASPECT", "KEY", "SOURCE", "DESTINATION", "STATUS", "NOTE"));
      for (PoolComparison.Row row : comparison.rows()) {
        console.line(
            String.format(
                    Locale.ROOT,
                    format,
                    row.aspect().name().toLowerCase(Locale.ROOT),
                    row.key(),
                    row.source(),
                    row.destination(),
                    row.status().name().toLowerCase(Locale.ROOT),
                    row.note())
                .stripTrailing());
      }
    }
    return comparison.hasProblems() ? ExitCode.BLOCKED : ExitCode.DONE;
  }
}
