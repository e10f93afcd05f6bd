package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.plugin.daemon.Daemon;
import io.xemigrate.plugin.daemon.DaemonConfig;
import io.xemigrate.plugin.daemon.DaemonConfigReader;
import io.xemigrate.plugin.daemon.DaemonServices;
import io.xemigrate.plugin.daemon.JobSpec;
import io.xemigrate.plugin.progress.JsonProgress;
import io.xemigrate.plugin.progress.PlainProgress;
import io.xemigrate.plugin.run.RunListener;
import java.nio.file.Path;

/**
 * {@code serve config=FILE}: the daemon. Runs the configured jobs on their schedules until stopped
 * (SIGTERM or Ctrl-C: running moves are cancelled where xapi allows and waited for, leases
 * released). Progress goes to standard output as plain lines, or JSON lines with {@code --json}.
 */
final class ServeCommand implements Command {
  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "Run the daemon: scheduled jobs (and the HTTP API when configured)";
  }

  @Override
  public String synopsis() {
    return "serve config=FILE [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("config");
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    DaemonConfig config = DaemonConfigReader.read(Path.of(arguments.required("config")));
    RunListener listener =
        console.json() ? new JsonProgress(console.out()) : new PlainProgress(console.out());
    DaemonServices services = DaemonLaunch.services(config, console, listener);
    Daemon daemon = Daemon.start(config, services);
    Thread hook = new Thread(daemon::close, "xe-migrate-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    if (!console.json()) {
      console.line(
          "xe-migrate serve: "
              + daemon.instance()
              + " ready; "
              + config.jobs().size()
              + " jobs; database "
              + services.database());
      for (JobSpec job : config.jobs()) {
        console.line(
            "  "
                + job.name()
                + ": "
                + job.action().configName()
                + " at '"
                + job.schedule()
                + "' "
                + job.timeZone()
                + ", next "
                + job.next(services.clock().instant()).map(Object::toString).orElse("never"));
      }
    }
    console.out().flush();
    try {
      daemon.serve();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    daemon.close();
    return ExitCode.DONE;
  }
}
