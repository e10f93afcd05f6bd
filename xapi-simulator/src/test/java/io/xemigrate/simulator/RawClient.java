package io.xemigrate.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Raw JSON-RPC, XML-RPC and socket-level requests to a plain-HTTP simulator endpoint. */
final class RawClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger ids = new AtomicInteger();

  RawClient(String url) {
    this.url = url;
  }

  /** A v1 (no {@code jsonrpc} member) or v2 request; returns the whole response object. */
  JsonNode json(boolean v2, String method, Object... params) throws Exception {
    ObjectNode request = JSON.createObjectNode();
    if (v2) {
      request.put("jsonrpc", "2.0");
    }
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      array.add(JSON.valueToTree(param));
    }
    request.put("id", ids.incrementAndGet());
    HttpResponse<String> response =
        post("/jsonrpc", JSON.writeValueAsString(request), "application/json");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** The {@code result} of a v2 call that must succeed. */
  JsonNode result(String method, Object... params) throws Exception {
    JsonNode response = json(true, method, params);
    if (response.has("error")) {
      throw new IllegalStateException(method + " failed: " + response.get("error"));
    }
    return response.get("result");
  }

  String login(String user, String password) throws Exception {
    return result("session.login_with_password", user, password, "1.0", "test").asText();
  }

  HttpResponse<String> post(String path, String body, String contentType) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends raw bytes on a new socket and returns the status line of the answer. */
  String rawStatusLine(String request) throws IOException {
    URI uri = URI.create(url);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        line.append((char) c);
      }
      return line.toString().trim();
    }
  }
}
