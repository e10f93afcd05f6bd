package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableList;
import java.io.PrintStream;

/** Entry point of the {@code xe-migrate} launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // sqlite-jdbc logs through SLF4J and we ship no provider: without this, every command that
    // opens the journal starts with three "No SLF4J providers" warnings on stderr, before any
    // one-line error of ours.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    int exit = run(args, System.out, System.err);
    System.out.flush();
    System.exit(exit);
  }

  /**
   * Runs one command line with the given streams and returns its exit code, without exiting: what
   * {@link #main} does, for callers that run many command lines in one JVM (the bad-input tests).
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return new XeMigrate(commands(), out, err).run(args).code();
  }

  /** Every command, in the order {@code --help} lists them. */
  static ImmutableList<Command> commands() {
    return ImmutableList.of(
        new VmListCommand(),
        new PoolCheckCommand(),
        VmMigrateCommand.check(),
        VmMigrateCommand.plan(),
        new HostEvacuatePlanCommand(),
        new PlanShowCommand(),
        new PlanApplyCommand(),
        new VmMigrateApplyCommand(),
        new HostEvacuateCommand(),
        new HostRestoreCommand(),
        new RunListCommand(),
        new RunShowCommand(),
        new RunResumeCommand(),
        new RunCancelCommand(),
        new CleanupCommand(),
        new ServeCommand(),
        new JobListCommand(),
        new JobRunCommand(),
        JobPauseCommand.pause(),
        JobPauseCommand.resume(),
        new JobHistoryCommand(),
        new DemoCommand(),
        new SimCommand(),
        new BenchCommand(),
        new XenCenterCommand());
  }
}
