package io.xemigrate.daemon.api;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Optional;

/**
 * One row of the routing table: a method, a path pattern whose {@code {name}} segments capture a
 * path parameter, and the handler.
 *
 * @param authenticated false only for {@code /healthz}
 */
record Route(String method, String pattern, boolean authenticated, Handler handler) {

  /** Answers one request; throws {@link ApiException} for every refusal. */
  @FunctionalInterface
  interface Handler {
    Reply handle(ApiRequest request);
  }

  /** The path parameters if {@code path} matches the pattern. */
  Optional<ImmutableMap<String, String>> match(String path) {
    List<String> want = segments(pattern);
    List<String> have = segments(path);
    if (want.size() != have.size()) {
      return Optional.empty();
    }
    ImmutableMap.Builder<String, String> parameters = ImmutableMap.builder();
    for (int i = 0; i < want.size(); i++) {
      String expected = want.get(i);
      String actual = have.get(i);
      if (expected.startsWith("{") && expected.endsWith("}")) {
        if (actual.isEmpty()) {
          return Optional.empty();
        }
        parameters.put(expected.substring(1, expected.length() - 1), actual);
      } else if (!expected.equals(actual)) {
        return Optional.empty();
      }
    }
    return Optional.of(parameters.buildOrThrow());
  }

  private static ImmutableList<String> segments(String path) {
    return ImmutableList.copyOf(Splitter.on('/').split(path));
  }
}
