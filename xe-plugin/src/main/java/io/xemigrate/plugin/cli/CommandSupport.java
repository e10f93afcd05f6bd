package io.xemigrate.plugin.cli;

/** What the pool commands share: the pool parameters, with warnings on the error stream. */
final class CommandSupport {
  private CommandSupport() {}

  static PoolParameters pools(Arguments arguments, Console console) {
    return PoolParameters.from(
        arguments,
        System.getenv(),
        warning -> console.err().println("xe-migrate: warning: " + warning));
  }
}
