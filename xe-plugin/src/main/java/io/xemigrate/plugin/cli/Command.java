package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;

/** One {@code xe-migrate} command: its name, its help, the parameters it takes, what it does. */
public interface Command {
  String name();

  /** One line for the command list. */
  String summary();

  /** The synopsis line, for example {@code vm-list pool=<pool> [--json]}. */
  String synopsis();

  /** The exact {@code key=} names this command accepts. */
  ImmutableSet<String> keys();

  /** Key prefixes that take a free suffix, such as {@code vdi:}. */
  default ImmutableSet<String> keyPrefixes() {
    return ImmutableSet.of();
  }

  ExitCode run(Arguments arguments, Console console);
}
