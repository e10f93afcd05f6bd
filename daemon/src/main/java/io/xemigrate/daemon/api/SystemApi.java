package io.xemigrate.daemon.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/** {@code /healthz}, {@code /metrics}, the OpenAPI document and the event stream. */
final class SystemApi {
  static final String OPENAPI_RESOURCE = "/io/xemigrate/daemon/api/openapi.json";

  private final EventHub events;
  private final String version = version();
  private final String openApi = resource(OPENAPI_RESOURCE);

  SystemApi(EventHub events) {
    this.events = events;
  }

  Reply health(ApiRequest request) {
    return Reply.ok(ApiJson.object().put("status", "ok").put("version", version));
  }

  Reply metrics(ApiRequest request) {
    return new Reply.Text(200, "text/plain; version=0.0.4; charset=utf-8", events.metrics().text());
  }

  Reply openApi(ApiRequest request) {
    return new Reply.Text(200, "application/json", openApi);
  }

  Reply events(ApiRequest request) {
    return new Reply.Stream(Optional.ofNullable(request.query().get("run")));
  }

  private static String version() {
    Properties properties = new Properties();
    try (InputStream in =
        SystemApi.class.getResourceAsStream("/io/xemigrate/coordinator/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }

  private static String resource(String name) {
    try (InputStream in = SystemApi.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the build lost " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
