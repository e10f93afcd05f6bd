package io.xemigrate.tests.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xe-migrate serve} with its HTTP API as a real process, as systemd runs it: a taken port
 * ends it with exit 2 and one line (not a trace and a process that runs on without its API);
 * SIGTERM stops it with exit 0 and nothing on standard error; and neither prints a Java logging
 * record.
 */
class ServeProcessTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String TOKEN = "serve-process-token-0123456789";

  @TempDir Path dir;

  @Test
  void aTakenApiPortEndsServeWithExitTwoAndOneLine() throws IOException {
    try (DaemonWorld world = new DaemonWorld(dir, 20);
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Path config = config(world, taken.getLocalPort());

      try (DaemonProcess serve = DaemonProcess.serve(dir, config)) {
        assertThat(serve.exitCode()).isEqualTo(2);
        String errors = serve.errors();
        assertThat(errors.lines())
            .as(errors)
            .singleElement()
            .satisfies(
                line ->
                    assertThat(line)
                        .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                        .contains("choose a free port in api.listen")
                        .doesNotContain("Exception", "io.netty", "java."));
      }
    }
  }

  @Test
  void sigtermStopsServeWithExitZeroAndNoTraceOrLogRecord()
      throws IOException, InterruptedException {
    try (DaemonWorld world = new DaemonWorld(dir, 20)) {
      Path config = config(world, 0);
      DaemonProcess serve = DaemonProcess.serve(dir, config);
      String api = serve.awaitLine(line -> line.contains(": API on "), PATIENCE);
      int port = Integer.parseInt(api.replaceAll(".*:(\\d+) \\(http\\)$", "$1"));
      serve.awaitLine(line -> line.contains(" ready;"), PATIENCE);
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);

      serve.close();

      assertThat(serve.exitCode()).isEqualTo(0);
      assertThat(serve.errors()).isEmpty();
      assertThat(serve.output())
          .noneMatch(line -> line.startsWith("INFO") || line.startsWith("WARNING"))
          .noneMatch(line -> line.contains("HTTP API listening"));
    }
  }

  /** The read timeout is long here: only the connection limit keeps the API answering. */
  @Test
  void underAFileLimitServeAnswersBesideManyIdleConnections()
      throws IOException, InterruptedException {
    List<Socket> idle = new ArrayList<>();
    try (DaemonWorld world = new DaemonWorld(dir, 20);
        DaemonProcess serve =
            DaemonProcess.serveUnderFileLimit(dir, config(world, 0, ", readTimeout: PT10M"), 300)) {
      String api = serve.awaitLine(line -> line.contains(": API on "), PATIENCE);
      int port = Integer.parseInt(api.replaceAll(".*:(\\d+) \\(http\\)$", "$1"));
      serve.awaitLine(line -> line.contains(" ready;"), PATIENCE);
      try {
        for (int i = 0; i < 280; i++) {
          idle.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> jobs =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/jobs"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.body()).contains("evacuate-a2");
      } finally {
        for (Socket socket : idle) {
          socket.close();
        }
      }
      serve.close();
      assertThat(serve.exitCode()).isZero();
      assertThat(serve.errors()).isEmpty();
    }
  }

  private Path config(DaemonWorld world, int port) throws IOException {
    return config(world, port, "");
  }

  /** With {@code apiExtra} added to the {@code api:} mapping. */
  private Path config(DaemonWorld world, int port, String apiExtra) throws IOException {
    Path token = dir.resolve("api-token");
    Files.writeString(token, TOKEN + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    return world.config(
        "serve.yaml",
        "api: {listen: 127.0.0.1:" + port + ", tokenFile: api-token" + apiExtra + "}\n",
        """
        - name: evacuate-a2
          schedule: "0 0 1 1 *"
          action: evacuate-hosts
          source: pool-a
          hosts: [a2]
          destination: pool-b
        """);
  }
}
