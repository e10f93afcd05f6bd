package io.xemigrate.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Console console =
      new Console(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8),
          false);

  @Test
  void servesTheScenarioAndWritesTheEndpointsFile(@TempDir Path dir) {
    Path endpoints = dir.resolve("endpoints.json");
    CompletableFuture<Void> stop = new CompletableFuture<>();
    AtomicReference<JsonNode> written = new AtomicReference<>();
    SimCommand command =
        new SimCommand(
            stop,
            simulator -> {
              try {
                written.set(new ObjectMapper().readTree(Files.readString(endpoints)));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } finally {
                stop.complete(null);
              }
            });

    ExitCode exit =
        command.run(
            Arguments.parse(
                "sim",
                java.util.List.of(
                    "scenario=two-pools.yaml",
                    "endpoints-out=" + endpoints,
                    "plain-http=true",
                    "speed=100"),
                command.keys(),
                command.keyPrefixes()),
            console);

    assertThat(exit).isEqualTo(ExitCode.DONE);
    JsonNode pool = written.get().get("pools").get(0);
    assertThat(pool.get("name").asText()).isEqualTo("pool-a");
    assertThat(pool.get("master").asText()).startsWith("http://127.0.0.1:");
    assertThat(pool.get("username").asText()).isEqualTo("root");
    assertThat(pool.get("hosts")).hasSize(3);
    assertThat(pool.get("hosts").get(0).get("master").asBoolean()).isTrue();
    // One port for every host, each at its own loopback address.
    int port = written.get().get("port").asInt();
    assertThat(pool.get("master").asText()).isEqualTo("http://127.0.0.1:" + port);
    assertThat(pool.get("hosts").get(1).get("url").asText()).isEqualTo("http://127.0.0.2:" + port);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("pool pool-b: master")
        .contains("  host b2 http://127.0.0.5:" + port)
        .doesNotContain("xenroot");
  }

  @Test
  void aBadScenarioIsBadInputNamingTheLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file, "name: x\nusers:\n  - {name: root, password: pw, role: king}\npools: []\n");
    SimCommand command = new SimCommand();

    ExitCode exit =
        command.run(
            Arguments.parse(
                "sim",
                java.util.List.of("scenario=" + file),
                command.keys(),
                command.keyPrefixes()),
            console);

    assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("bad.yaml:3: users[0].role: unknown role");
  }

  @Test
  void aFaultFileIsInjectedAtStart(@TempDir Path dir) throws IOException {
    Path faults = dir.resolve("faults.yaml");
    Files.writeString(faults, "faults:\n  - {kind: FAIL_MEMORY_PRECOPY, target: \"*\"}\n");
    CompletableFuture<Void> stop = new CompletableFuture<>();
    SimCommand command = new SimCommand(stop, simulator -> stop.complete(null));

    ExitCode exit =
        command.run(
            Arguments.parse(
                "sim",
                java.util.List.of("scenario=two-pools.yaml", "plain-http=true", "faults=" + faults),
                command.keys(),
                command.keyPrefixes()),
            console);

    assertThat(exit).isEqualTo(ExitCode.DONE);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("injected 1 fault(s) from");
  }

  @Test
  void aMalformedFaultFileIsOneLineOfBadInput(@TempDir Path dir) throws IOException {
    Path faults = dir.resolve("faults.yaml");
    Files.writeString(faults, "faults:\n  - {kind: SET_ON_FIRE}\n");
    SimCommand command = new SimCommand();

    ExitCode exit =
        command.run(
            Arguments.parse(
                "sim",
                java.util.List.of("scenario=two-pools.yaml", "faults=" + faults),
                command.keys(),
                command.keyPrefixes()),
            console);

    assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
    String error = err.toString(StandardCharsets.UTF_8);
    assertThat(error).startsWith("xe-migrate: error: cannot read the fault file");
    assertThat(error.strip().lines().count()).isEqualTo(1);
  }
}
