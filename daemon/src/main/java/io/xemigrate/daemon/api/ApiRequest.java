package io.xemigrate.daemon.api;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * One request as a handler sees it: path parameters from the route, query parameters, the body.
 *
 * @param contentType the Content-Type header without parameters, lower case; empty when absent
 */
record ApiRequest(
    String method,
    String path,
    ImmutableMap<String, String> pathParameters,
    ImmutableMap<String, String> query,
    Optional<String> contentType,
    byte[] body) {

  String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalStateException("the route has no parameter " + name);
    }
    return value;
  }

  /** The body as a JSON object; the Content-Type must be application/json. */
  JsonBody json() {
    if (!contentType.map("application/json"::equals).orElse(false)) {
      throw new ApiException(
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "Content-Type is "
              + contentType.map(type -> "'" + type + "'").orElse("missing")
              + ": send the body as application/json");
    }
    return JsonBody.parse(body);
  }
}
