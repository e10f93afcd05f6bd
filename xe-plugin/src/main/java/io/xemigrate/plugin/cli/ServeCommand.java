package io.xemigrate.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.daemon.ApiConfig;
import io.xemigrate.daemon.Daemon;
import io.xemigrate.daemon.DaemonConfig;
import io.xemigrate.daemon.DaemonConfigReader;
import io.xemigrate.daemon.DaemonJobsPort;
import io.xemigrate.daemon.DaemonServices;
import io.xemigrate.daemon.FanOutListener;
import io.xemigrate.daemon.JobSpec;
import io.xemigrate.daemon.api.ApiServer;
import io.xemigrate.daemon.api.ApiServices;
import io.xemigrate.daemon.api.ApiSettings;
import io.xemigrate.daemon.api.ApiStartException;
import io.xemigrate.daemon.api.EventHub;
import io.xemigrate.plugin.progress.JsonProgress;
import io.xemigrate.plugin.progress.PlainProgress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code serve config=FILE}: the daemon. Runs the configured jobs on their schedules until stopped
 * (SIGTERM or Ctrl-C: running moves are cancelled where xapi allows and waited for, leases
 * released; after SIGTERM the process exits 0). Progress goes to standard output as plain lines, or
 * JSON lines with {@code --json}.
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
    Logging.configured(config.logLevel());
    RunListener output =
        console.json() ? new JsonProgress(console.out()) : new PlainProgress(console.out());
    EventHub events = new EventHub();
    RunListener listener =
        config.api().isPresent() ? new FanOutListener(List.of(output, events)) : output;
    DaemonServices services = DaemonLaunch.services(config, console, listener);
    Daemon daemon = Daemon.start(config, services);
    Optional<ApiServer> api;
    try {
      api =
          config
              .api()
              .map(
                  settings ->
                      ApiServer.start(
                          settings(settings),
                          ApiServices.of(
                              services.directory(),
                              services.connector(),
                              services.database(),
                              new DaemonJobsPort(daemon, services.clock()),
                              daemon.gate(),
                              events)));
    } catch (ApiStartException e) {
      daemon.close();
      throw new UsageException("config " + config.file() + ": api: " + e.getMessage());
    }
    Thread hook =
        new Thread(
            () -> {
              api.ifPresent(ApiServer::close);
              daemon.close();
            },
            "xe-migrate-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    // SIGTERM stops the serve loop below, which closes the API and the daemon and returns DONE.
    StopSignal.onTerminate(daemon::close);
    String scheme = config.api().flatMap(ApiConfig::certificate).isPresent() ? "https" : "http";
    if (console.json()) {
      ObjectNode ready =
          new ObjectMapper()
              .createObjectNode()
              .put("event", "ready")
              .put("instance", daemon.instance())
              .put("jobs", config.jobs().size())
              .put("database", services.database().toString());
      api.ifPresent(
          server ->
              ready.put("api", scheme + "://" + config.api().get().host() + ":" + server.port()));
      console.line(ready.toString());
    } else {
      api.ifPresent(
          server ->
              console.line(
                  "xe-migrate serve: API on "
                      + config.api().get().host()
                      + ":"
                      + server.port()
                      + " ("
                      + scheme
                      + ")"));
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
      daemon.serve(warning -> console.err().println("xe-migrate: warning: " + warning));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    api.ifPresent(ApiServer::close);
    daemon.close();
    return ExitCode.DONE;
  }

  static ApiSettings settings(ApiConfig api) {
    ApiSettings settings =
        new ApiSettings(
            api.host(),
            api.port(),
            api.tokenFile(),
            Optional.empty(),
            api.maxBodyBytes(),
            api.readTimeout(),
            api.maxConnections());
    if (api.certificate().isPresent() && api.key().isPresent()) {
      settings = settings.withTls(new ApiSettings.Tls(api.certificate().get(), api.key().get()));
    }
    return settings;
  }
}
