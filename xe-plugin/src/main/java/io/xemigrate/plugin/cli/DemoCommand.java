package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;

/** {@code demo}: evacuates a host across two simulated pools, end to end. */
final class DemoCommand implements Command {
  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "Evacuate a host between two simulated pools, end to end";
  }

  @Override
  public String synopsis() {
    return "demo [scenario=FILE] [speed=N] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("scenario", "speed");
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    console.error(
        "the demo is not available yet: it needs the simulator and the coordinator,"
            + " which land in later releases");
    return ExitCode.BAD_INPUT;
  }
}
