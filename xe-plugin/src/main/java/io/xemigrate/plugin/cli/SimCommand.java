package io.xemigrate.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.ControlServer;
import io.xemigrate.simulator.migration.Fault;
import io.xemigrate.simulator.migration.FaultScript;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioException;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * {@code sim}: serves a scenario's pools until stopped (Ctrl-C). Prints each pool's master URL and
 * TLS fingerprint; credentials go only to the endpoints file, never to the terminal.
 */
final class SimCommand implements Command {
  private final CompletableFuture<Void> stop;
  private final Consumer<Simulator> started;

  SimCommand() {
    this(new CompletableFuture<>(), simulator -> {});
  }

  /** For tests: {@code started} sees the running simulator; completing {@code stop} ends it. */
  SimCommand(CompletableFuture<Void> stop, Consumer<Simulator> started) {
    this.stop = stop;
    this.started = started;
  }

  @Override
  public String name() {
    return "sim";
  }

  @Override
  public String summary() {
    return "Serve simulated pools from a scenario file until stopped";
  }

  @Override
  public String synopsis() {
    return "sim scenario=FILE [speed=N] [endpoints-out=FILE] [plain-http=true] [faults=FILE]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("scenario", "speed", "endpoints-out", "plain-http", "faults");
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    String scenarioName = arguments.required("scenario");
    double speed = Parameters.speed(arguments.optional("speed").orElse("1"));
    boolean plainHttp = parseBoolean(arguments.optional("plain-http").orElse("false"));
    Optional<OutputFile> endpointsOut =
        arguments.optional("endpoints-out").map(value -> OutputFile.of("endpoints-out", value));
    Scenario scenario;
    try {
      Path file = Path.of(scenarioName);
      // A name that is not a file may be one of the bundled scenarios, e.g. two-pools.yaml.
      scenario =
          Files.exists(file)
              ? ScenarioLoader.load(
                  InputFile.of("scenario", scenarioName).check(InputFile.DEFAULT_LIMIT).path())
              : ScenarioLoader.loadBundled(scenarioName);
    } catch (ScenarioException e) {
      console.error(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    List<Fault> faults;
    try {
      faults = loadFaults(arguments);
    } catch (UsageException e) {
      console.error(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    SimulatorOptions options = SimulatorOptions.atSpeed(speed).withPlainHttp(plainHttp);
    // The migration calls and the /sim control endpoints (truth of finished moves, faults).
    MigrationExtension migration = MigrationExtension.of(scenario, options.clock());
    try (MigrationExtension closesLast = migration;
        Simulator simulator = Simulator.start(scenario, options.withExtension(migration));
        ControlServer control = ControlServer.start(migration.service())) {
      faults.forEach(migration.service()::inject);
      console.line("simulator control: " + control.url() + "/sim/migrations, /sim/faults");
      if (!faults.isEmpty()) {
        console.line(
            "injected " + faults.size() + " fault(s) from " + arguments.required("faults"));
      }
      if (endpointsOut.isPresent()) {
        endpointsOut
            .get()
            .write(
                new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(simulator.endpoints()),
                true);
      }
      for (Endpoints.PoolEndpoint pool : simulator.endpoints().pools()) {
        console.line(
            "pool "
                + pool.name()
                + ": master "
                + pool.master()
                + (pool.tlsFingerprint().isEmpty() ? "" : " (" + pool.tlsFingerprint() + ")"));
        // Every host has its own certificate (the pool lists them as Certificate records).
        for (Endpoints.HostEndpoint host : pool.hosts()) {
          console.line(
              "  host "
                  + host.name()
                  + " "
                  + host.url()
                  + (host.tlsFingerprint().isEmpty() ? "" : " (" + host.tlsFingerprint() + ")"));
        }
      }
      console.line("serving at speed " + speed + "; stop with Ctrl-C");
      Thread hook = new Thread(() -> stop.complete(null), "xe-migrate-sim-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      started.accept(simulator);
      stop.get();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is what stopped us.
      }
      return ExitCode.DONE;
    } catch (IOException e) {
      console.error("cannot write the endpoints file: " + e.getMessage());
      return ExitCode.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.FAILED;
    } catch (ExecutionException e) {
      return ExitCode.FAILED;
    }
  }

  /** The faults of {@code faults=FILE} (xapi-simulator README, "Faults"), or none. */
  private static List<Fault> loadFaults(Arguments arguments) {
    if (arguments.optional("faults").isEmpty()) {
      return List.of();
    }
    Path file =
        InputFile.of("faults", arguments.required("faults")).check(InputFile.DEFAULT_LIMIT).path();
    try {
      return FaultScript.load(file);
    } catch (IOException | RuntimeException e) {
      throw new UsageException(
          "cannot read the fault file "
              + file
              + ": "
              + Messages.plain(e.getMessage())
              + "; fix it or leave out faults=");
    }
  }

  private static boolean parseBoolean(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new UsageException("plain-http must be true or false, was '" + text + "'");
    };
  }
}
