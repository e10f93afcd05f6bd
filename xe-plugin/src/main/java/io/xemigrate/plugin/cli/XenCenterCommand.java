package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.journal.DataDirectory;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.xapi.model.PoolInventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code xencenter COMMAND [key=value ...] URL SESSION CLASS UUID [...]}: what the XCP-ng Center /
 * XenCenter plugin starts. Turns the selected objects into the command's own parameters ({@code
 * vm=}, {@code host=}, {@code source=}, {@code destination=}) and runs it over XenCenter's session:
 * no login, no logout, and the session reference is never printed.
 */
final class XenCenterCommand implements Command {
  private static final DateTimeFormatter PLAN_FILE =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  @Override
  public String name() {
    return "xencenter";
  }

  @Override
  public String summary() {
    return "Run a command on the objects selected in XCP-ng Center (the plugin's entry point)";
  }

  @Override
  public String synopsis() {
    return "xencenter COMMAND [key=value ...] URL SESSION CLASS UUID [URL SESSION CLASS UUID ...]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of();
  }

  /** Not reached from the command line, whose words go to {@link #launch}. */
  @Override
  public ExitCode run(Arguments arguments, Console console) {
    return launch(List.of(), Map.of(), console);
  }

  /** Runs the command the plugin XML names on the objects XenCenter appended. */
  ExitCode launch(List<String> words, Map<String, Command> commands, Console console) {
    XenCenterRequest request = XenCenterRequest.parse(words);
    XenCenterAction action = request.action();
    for (XenCenterObject object : request.objects()) {
      if (!object.is(action.objectClass())) {
        throw new UsageException(
            action.command()
                + " works on "
                + action.plural()
                + "; XenCenter passed a "
                + object.type()
                + " ("
                + object.uuid()
                + "): use the menu item on "
                + action.plural());
      }
    }
    XenCenterPools pools = new XenCenterPools(request.objects());
    List<String> tokens = new ArrayList<>(request.parameters());
    switch (action) {
      case VM_MIGRATE_CHECK, HOST_EVACUATE -> select(action, request, pools, tokens);
      case VM_MIGRATE_PLAN, HOST_EVACUATE_PLAN -> {
        select(action, request, pools, tokens);
        if (tokens.stream().noneMatch(token -> token.startsWith("out="))) {
          tokens.add("out=" + planFile(action));
        }
      }
      case POOL_CHECK -> comparePools(request, pools, tokens);
    }
    Command command = commands.get(action.command());
    Arguments arguments =
        Arguments.parse(command.name(), tokens, command.keys(), command.keyPrefixes())
            .withPools(pools.profiles());
    if (action == XenCenterAction.HOST_EVACUATE) {
      // The run finds a plan's pools by UUID; the selection named only hosts.
      PoolProfile source = pools.profiles().get(0);
      PoolInventory inventory =
          CommandSupport.pools(arguments, console).connector().loadInventory(source);
      pools.identify(source, inventory.pool().uuid());
      arguments = arguments.withPools(pools.profiles());
    }
    return command.run(arguments, console);
  }

  /** {@code vm=} or {@code host=} with the selected objects, {@code source=} their pool. */
  private static void select(
      XenCenterAction action, XenCenterRequest request, XenCenterPools pools, List<String> tokens) {
    String key = action.objectClass().equals("VM") ? "vm" : "host";
    refuse(tokens, key);
    refuse(tokens, "source");
    if (pools.profiles().size() > 1) {
      throw new UsageException(
          "the selection spans "
              + pools.profiles().size()
              + " pools: select "
              + action.plural()
              + " of one pool at a time");
    }
    tokens.add(
        key
            + "="
            + request.objects().stream()
                .map(XenCenterObject::uuid)
                .collect(Collectors.joining(",")));
    tokens.add("source=" + pools.profiles().get(0).name());
  }

  /** Two selected pools: the first is the source; one pool needs {@code destination=}. */
  private static void comparePools(
      XenCenterRequest request, XenCenterPools pools, List<String> tokens) {
    refuse(tokens, "source");
    boolean destinationGiven = tokens.stream().anyMatch(token -> token.startsWith("destination="));
    int selected = request.objects().size();
    if (selected == 2 && !destinationGiven) {
      tokens.add("source=" + pools.of(request.objects().get(0)).name());
      tokens.add("destination=" + pools.of(request.objects().get(1)).name());
    } else if (selected == 1 && destinationGiven) {
      tokens.add("source=" + pools.of(request.objects().get(0)).name());
    } else {
      throw new UsageException(
          "pool-check compares two pools: select two pools in XenCenter, or one pool with"
              + " destination=POOL (a pool of your pools.yaml) in the plugin's param");
    }
  }

  private static void refuse(List<String> tokens, String key) {
    if (tokens.stream().anyMatch(token -> token.startsWith(key + "="))) {
      throw new UsageException(
          key + "= comes from XenCenter's selection: remove it from the plugin's param");
    }
  }

  /** Where a plan goes when the plugin XML names no {@code out=}: the data directory. */
  private static Path planFile(XenCenterAction action) {
    Path folder =
        DataDirectory.resolve(System.getenv(), System.getProperty("user.home")).resolve("plans");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UsageException(
          "cannot create " + folder + " for the plan: add out=FILE to the plugin's param");
    }
    return folder.resolve(
        action.command() + "-" + PLAN_FILE.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".json");
  }
}
