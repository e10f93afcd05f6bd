package io.xemigrate.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** What a handler answers: JSON, text (metrics), or an event stream the server keeps open. */
sealed interface Reply {
  int status();

  /** A JSON document with its status. */
  record Json(int status, JsonNode body) implements Reply {}

  /** Text with its content type (the Prometheus exposition format, the OpenAPI document). */
  record Text(int status, String contentType, String body) implements Reply {}

  /**
   * A static file of the web console; {@code immutable} when its URL names its content (the browser
   * may keep it), else never stored.
   */
  record Asset(String contentType, String body, boolean immutable) implements Reply {
    @Override
    public int status() {
      return 200;
    }
  }

  /** A server-sent event stream, limited to one run when {@code run} is given. */
  record Stream(Optional<String> run) implements Reply {
    @Override
    public int status() {
      return 200;
    }
  }

  static Reply ok(JsonNode body) {
    return new Json(200, body);
  }
}
