package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableList;
import java.io.PrintStream;

/** Entry point of the {@code xe-migrate} launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Logging is set up (quiet unless verbose=true) as the command line is read: see Logging.
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
        new PoolBalancePlanCommand(),
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
        new SimCaptureCommand(),
        new BenchCommand(),
        new XenCenterCommand());
  }
}
