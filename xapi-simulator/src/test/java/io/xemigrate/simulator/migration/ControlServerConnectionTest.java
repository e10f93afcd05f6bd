package io.xemigrate.simulator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The control endpoint keeps HTTP/1.1's connection contract: a reply without {@code Connection:
 * close} leaves the connection usable (clients pool it), and one that closes says so first.
 */
class ControlServerConnectionTest {
  private static final int SAFETY_NET_MILLIS = 10_000;

  private final TestPools world = new TestPools();

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void aPersistentConnectionAnswersEveryRequestSentOnIt() throws IOException, InterruptedException {
    try (ControlServer control = ControlServer.start(world.service);
        Socket socket = connect(control)) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = 0; i < 3; i++) {
        out.write(get("/sim/faults", "").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(in);
        assertThat(head).startsWith("http/1.1 200").doesNotContain("connection: close");
        in.readNBytes(contentLength(head));
      }
    }
  }

  @Test
  void aConnectionClosedByTheServerIsAnnouncedInTheReply()
      throws IOException, InterruptedException {
    try (ControlServer control = ControlServer.start(world.service);
        Socket socket = connect(control)) {
      socket
          .getOutputStream()
          .write(get("/sim/faults", "Connection: close\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      in.readNBytes(contentLength(head));

      assertThat(head).startsWith("http/1.1 200").contains("connection: close");
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  private static Socket connect(ControlServer control) throws IOException {
    URI url = URI.create(control.url());
    Socket socket = new Socket(url.getHost(), url.getPort());
    socket.setSoTimeout(SAFETY_NET_MILLIS);
    return socket;
  }

  private static String get(String path, String extraHeaders) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
  }

  /** The status line and headers, lower-cased, up to the empty line. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      assertThat(b).as("the server closed the connection before its reply").isNotEqualTo(-1);
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).strip());
      }
    }
    throw new AssertionError("no content-length in " + head);
  }
}
