package io.xemigrate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.batch.PoolGate;
import io.xemigrate.coordinator.pools.ConfigPaths;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.daemon.api.ApiServer;
import io.xemigrate.daemon.api.ApiServices;
import io.xemigrate.daemon.api.ApiSettings;
import io.xemigrate.daemon.api.EventHub;
import io.xemigrate.daemon.api.JobsPort;
import io.xemigrate.simulator.wire.SelfSignedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API against clients that misbehave at the socket: idle, slow and never-finishing connections
 * are closed after the read timeout (short here), also over TLS before any token is read; HTTP/1.1
 * pipelined requests are answered in order, and a closing reply still follows the earlier answers;
 * beyond the connection limit, the oldest idle connection makes room, so the API answers. Every
 * wait is a blocking read that ends at end of stream; the socket timeout is only a safety net.
 */
class ApiRobustnessTest {
  private static final int SAFETY_NET_MILLIS = 30_000;
  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

  @TempDir Path dir;

  @Test
  void anIdleConnectionIsClosedAfterTheReadTimeout() throws IOException {
    try (ApiServer server = start(settings().withReadTimeout(SHORT));
        Socket socket = connect(server)) {
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void aConnectionSendingItsHeadersTooSlowlyIsClosed() throws IOException {
    try (ApiServer server = start(settings().withReadTimeout(SHORT));
        Socket socket = connect(server)) {
      send(socket, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");

      assertThat(readAll(socket)).isEmpty();
    }
  }

  @Test
  void aConnectionSendingItsBodyTooSlowlyIsClosed() throws IOException {
    try (ApiServer server = start(settings().withReadTimeout(SHORT));
        Socket socket = connect(server)) {
      send(
          socket,
          "POST /api/v1/plans HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100\r\n\r\n{\"source\":");

      assertThat(readAll(socket)).isEmpty();
    }
  }

  @Test
  void anIdleKeepAliveConnectionIsClosedAfterItsReply() throws IOException {
    try (ApiServer server = start(settings().withReadTimeout(SHORT));
        Socket socket = connect(server)) {
      send(socket, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

      assertThat(statuses(readAll(socket))).containsExactly(200);
    }
  }

  @Test
  void aTlsConnectionThatNeverHandshakesIsClosedBeforeAnyTokenIsRead() throws Exception {
    SelfSignedCertificate generated = SelfSignedCertificate.generate("xe-migrate-api");
    Path certificate =
        pem(dir.resolve("tls.crt"), "CERTIFICATE", generated.certificate().getEncoded());
    Path key = pem(dir.resolve("tls.key"), "PRIVATE KEY", generated.key().getEncoded());
    ApiSettings settings =
        settings().withTls(new ApiSettings.Tls(certificate, key)).withReadTimeout(SHORT);
    try (ApiServer server = start(settings);
        Socket socket = connect(server)) {
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderUpToTheClosingOne() throws IOException {
    try (ApiServer server = start(settings());
        Socket socket = connect(server)) {
      String auth = "Authorization: Bearer " + ApiFixture.TOKEN + "\r\n";
      send(
          socket,
          "GET /api/v1/plans HTTP/1.1\r\nHost: a\r\n"
              + auth
              + "\r\n"
              + "GET /api/v1/no-such-thing HTTP/1.1\r\nHost: a\r\n"
              + auth
              + "\r\n"
              + "GET /api/v1/jobs HTTP/1.1\r\nHost: a\r\n"
              + auth
              + "\r\n"
              + "GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
              + "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");

      String replies = readAll(socket);

      assertThat(statuses(replies)).containsExactly(200, 404, 200, 200);
      assertThat(replies.indexOf("\"plans\"")).isLessThan(replies.indexOf("NOT_FOUND"));
      assertThat(replies.indexOf("NOT_FOUND")).isLessThan(replies.indexOf("\"jobs\""));
    }
  }

  @Test
  void beyondTheConnectionLimitTheOldestIdleConnectionMakesRoom() throws IOException {
    List<Socket> idle = new ArrayList<>();
    try (ApiServer server = start(settings().withMaxConnections(4))) {
      try {
        for (int i = 0; i < 12; i++) {
          idle.add(connect(server));
        }
        try (Socket fresh = connect(server)) {
          send(fresh, "GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

          assertThat(statuses(readAll(fresh))).containsExactly(200);
        }
        assertThat(idle.get(0).getInputStream().read()).isEqualTo(-1);
      } finally {
        for (Socket socket : idle) {
          socket.close();
        }
      }
    }
  }

  private ApiSettings settings() throws IOException {
    return ApiSettings.loopback(ApiFixture.writeToken(dir.resolve("token"), ApiFixture.TOKEN));
  }

  private ApiServer start(ApiSettings settings) {
    return ApiServer.start(
        settings,
        ApiServices.of(
            PoolDirectory.of(List.of()),
            new PoolConnector(new ConfigPaths(dir.resolve("config")), Map.of(), warning -> {}),
            dir.resolve("journal.db"),
            JobsPort.none(),
            PoolGate.none(),
            new EventHub()));
  }

  private static Socket connect(ApiServer server) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setSoTimeout(SAFETY_NET_MILLIS);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  /** Everything the server sends until it closes the connection. */
  private static String readAll(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toString(StandardCharsets.UTF_8);
  }

  private static List<Integer> statuses(String replies) {
    List<Integer> statuses = new ArrayList<>();
    Matcher matcher = STATUS.matcher(replies);
    while (matcher.find()) {
      statuses.add(Integer.parseInt(matcher.group(1)));
    }
    return statuses;
  }

  private static Path pem(Path file, String type, byte[] der) throws IOException {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    Files.writeString(
        file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
