package io.xemigrate.xapi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small XenAPI host for wire-level tests: HTTPS with a test certificate, JSON-RPC at {@code
 * /jsonrpc} (can be switched off, then it answers 404 like an old host) and XML-RPC at {@code /}.
 * It checks sessions like xapi (login, logout, SESSION_INVALID), can act as a pool member
 * (HOST_IS_SLAVE) and answers other calls from scripted handlers.
 */
public final class FakeXapiServer implements AutoCloseable {
  public static final String USER = "root";
  public static final String PASSWORD = "canary-Pa55word-7f3a";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpsServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Function<List<Object>, Reply>> handlers = new ConcurrentHashMap<>();
  private final Set<String> activeSessions = ConcurrentHashMap.newKeySet();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<String> protocols = new CopyOnWriteArrayList<>();
  private final AtomicInteger sessionCounter = new AtomicInteger();
  private final List<String> minted = new CopyOnWriteArrayList<>();
  private volatile boolean jsonRpc = true;
  private volatile String masterAddress;

  public FakeXapiServer(String certificateName) {
    this(certificateName, 0);
  }

  /** A server on a given port (0: any), to replace another one at the same address. */
  public FakeXapiServer(String certificateName, int port) {
    try {
      server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      server.setHttpsConfigurator(
          new HttpsConfigurator(TestCertificates.named(certificateName).serverContext()));
      server.createContext("/jsonrpc", this::handleJson);
      server.createContext("/", this::handleXml);
      server.setExecutor(executor);
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Every session reference this server ever handed out. */
  public List<String> mintedSessions() {
    return List.copyOf(minted);
  }

  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answer 404 at /jsonrpc, as a host without JSON-RPC. */
  public FakeXapiServer withoutJsonRpc() {
    jsonRpc = false;
    return this;
  }

  /** Act as a pool member whose master is at that address. */
  public FakeXapiServer memberOf(String master) {
    masterAddress = master;
    return this;
  }

  /** Act as the master (again). */
  public FakeXapiServer becomeMaster() {
    masterAddress = null;
    return this;
  }

  public FakeXapiServer on(String method, Function<List<Object>, Reply> handler) {
    handlers.put(method, handler);
    return this;
  }

  /** Adopt a session minted elsewhere (for session-reuse tests). */
  public String mintSession() {
    String session =
        "OpaqueRef:session-"
            + sessionCounter.incrementAndGet()
            + "-"
            + System.identityHashCode(this);
    activeSessions.add(session);
    minted.add(session);
    return session;
  }

  public void invalidateAllSessions() {
    activeSessions.clear();
  }

  public int activeSessionCount() {
    return activeSessions.size();
  }

  public boolean isActive(String session) {
    return activeSessions.contains(session);
  }

  /** Method names received, in order. */
  public List<String> received() {
    return List.copyOf(received);
  }

  public long count(String method) {
    return received.stream().filter(method::equals).count();
  }

  /** "json" or "xml" per call received. */
  public List<String> protocols() {
    return List.copyOf(protocols);
  }

  private Reply dispatch(String method, List<Object> params) {
    received.add(method);
    if (masterAddress != null) {
      return Reply.error("HOST_IS_SLAVE", masterAddress);
    }
    switch (method) {
      case "session.login_with_password":
        if (!USER.equals(params.get(0)) || !PASSWORD.equals(params.get(1))) {
          return Reply.error("SESSION_AUTHENTICATION_FAILED", String.valueOf(params.get(0)), "bad");
        }
        return Reply.value(mintSession());
      case "session.logout":
        activeSessions.remove(String.valueOf(params.get(0)));
        return Reply.value("");
      default:
        break;
    }
    if (params.isEmpty() || !activeSessions.contains(String.valueOf(params.get(0)))) {
      return Reply.error("SESSION_INVALID", params.isEmpty() ? "" : String.valueOf(params.get(0)));
    }
    Function<List<Object>, Reply> handler = handlers.get(method);
    if (handler == null) {
      return Reply.error("MESSAGE_METHOD_UNKNOWN", method);
    }
    return handler.apply(params);
  }

  private void handleJson(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!jsonRpc) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      JsonNode request = JSON.readTree(body);
      List<Object> params = new ArrayList<>();
      request.path("params").forEach(node -> params.add(JSON.convertValue(node, Object.class)));
      protocols.add("json");
      Reply reply = dispatch(request.path("method").asText(), params);
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("jsonrpc", "2.0");
      switch (reply.kind()) {
        case VALUE -> response.put("result", reply.value());
        case ERROR ->
            response.put(
                "error",
                Map.of(
                    "code", 1,
                    "message", reply.error().get(0),
                    "data", reply.error().subList(1, reply.error().size())));
        case RESET -> {
          breakConnection(exchange);
          return;
        }
        case RAW_XML -> throw new IllegalStateException("raw XML on the JSON endpoint");
      }
      response.put("id", JSON.convertValue(request.path("id"), Object.class));
      send(exchange, "application/json", JSON.writeValueAsBytes(response));
    }
  }

  private void handleXml(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      WireFormats.XmlCall call;
      try {
        call = WireFormats.readXmlCall(body);
      } catch (Exception e) {
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      protocols.add("xml");
      Reply reply = dispatch(call.method(), call.params());
      String answer =
          switch (reply.kind()) {
            case VALUE -> WireFormats.xmlSuccess(reply.value());
            case ERROR -> WireFormats.xmlFailure(reply.error());
            case RAW_XML -> reply.rawBody();
            case RESET -> null;
          };
      if (answer == null) {
        breakConnection(exchange);
        return;
      }
      send(exchange, "text/xml", answer.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Closes the connection without an answer: the HTTP server drops a connection whose handler
   * throws before sending headers, and the client reads end-of-stream mid-call.
   */
  private static void breakConnection(HttpExchange exchange) throws IOException {
    throw new IOException("simulated connection reset");
  }

  private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  /** Stops answering: later connections are refused. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
