package io.xemigrate.plugin.cli;

/** Process exit codes, the same for every command. */
public enum ExitCode {
  /** The command did everything it was asked to. */
  DONE(0),
  /** Something failed at run time (a pool, a migration, the network). */
  FAILED(1),
  /** The user's input was wrong: an unknown command or parameter, a malformed value. */
  BAD_INPUT(2),
  /** Pre-flight checks found blockers: nothing was moved. */
  BLOCKED(3),
  /** Another run (a command line, a job or an API apply) holds a pool this run needs. */
  BUSY(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
