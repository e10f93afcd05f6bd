package io.xemigrate.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vm-migrate} up to the question, against the two-pools scenario (the applying path is
 * covered end to end in module {@code tests}): nothing moves without an answer.
 */
class VmMigrateApplyCommandTest {
  @TempDir static Path dir;
  private static Simulator simulator;
  private static String pools;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void startSimulator() throws IOException {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"), SimulatorOptions.manualClock());
    Path endpoints = dir.resolve("endpoints.json");
    simulator.writeEndpoints(endpoints);
    pools = "pools=" + endpoints;
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
  }

  private ExitCode run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(pools);
    return new XeMigrate(
            Main.commands(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(all.toArray(String[]::new));
  }

  private List<String> errLines() {
    return err.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
  }

  @Test
  void withoutATerminalOrYesItShowsThePlanAndRefusesOnOneLine() {
    // Test runs have no terminal: System.console() is null.
    ExitCode exit = run("vm-migrate", "vm=web-01", "destination=pool-b");

    assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("web-01");
    assertThat(errLines()).hasSize(1);
    assertThat(errLines().get(0)).contains("not a terminal: add yes=true");
  }

  @Test
  void aPlanWithNothingMovableExitsBlockedBeforeAsking() {
    ExitCode exit = run("vm-migrate", "vm=gpu-render", "destination=pool-b", "yes=true");

    assertThat(exit).isEqualTo(ExitCode.BLOCKED);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("BLOCKED");
    assertThat(errLines()).singleElement().asString().contains("vm=gpu-render can move");
  }

  @Test
  void anUnknownVmIsOneLineNamingTheParameter() {
    ExitCode exit = run("vm-migrate", "vm=nope", "source=pool-a", "destination=pool-b");

    assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(errLines()).singleElement().asString().contains("unknown VM 'nope' in vm=");
  }
}
