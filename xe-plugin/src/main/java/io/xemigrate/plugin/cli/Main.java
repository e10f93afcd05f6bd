package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableList;

/** Entry point of the {@code xe-migrate} launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    ExitCode exit = new XeMigrate(commands(), System.out, System.err).run(args);
    System.out.flush();
    System.exit(exit.code());
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
        new RunListCommand(),
        new RunShowCommand(),
        new RunResumeCommand(),
        new RunCancelCommand(),
        new ServeCommand(),
        new JobListCommand(),
        new JobRunCommand(),
        JobPauseCommand.pause(),
        JobPauseCommand.resume(),
        new JobHistoryCommand(),
        new DemoCommand(),
        new SimCommand(),
        new BenchCommand());
  }
}
