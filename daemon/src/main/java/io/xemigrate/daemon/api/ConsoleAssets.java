package io.xemigrate.daemon.api;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The web console's static files, served from the jar under {@code /console/}: a fixed list read
 * once, each with its content type. They carry no data and no secret, so they need no token (the
 * sign-in page could not send one); every request they make for data does. The page refers to them
 * under {@code /console/VERSION/}, VERSION a digest of all of them, so the browser may keep them
 * until the daemon serves other files; the page itself is never stored.
 */
final class ConsoleAssets {
  /** The console's files (resources under {@code console/}) and their content types. */
  private static final ImmutableMap<String, String> TYPES =
      ImmutableMap.<String, String>builder()
          .put("index.html", "text/html; charset=utf-8")
          .put("console.css", "text/css; charset=utf-8")
          .put("app.js", "text/javascript; charset=utf-8")
          .put("api.js", "text/javascript; charset=utf-8")
          .put("dom.js", "text/javascript; charset=utf-8")
          .put("sse.js", "text/javascript; charset=utf-8")
          .put("timeline.js", "text/javascript; charset=utf-8")
          .put("pages.js", "text/javascript; charset=utf-8")
          .put("plans.js", "text/javascript; charset=utf-8")
          .put("runs.js", "text/javascript; charset=utf-8")
          .put("favicon.svg", "image/svg+xml")
          .buildOrThrow();

  private static final ImmutableMap<String, String> FILES = load();

  /** A digest of every file: in the files' URLs, so a browser never keeps a stale one. */
  static final String VERSION = version(FILES);

  private static final ImmutableMap<String, String> BODIES = versioned(FILES);

  /** The console's routes: none needs the token. Not part of the API's OpenAPI document. */
  static final ImmutableList<Route> ROUTES =
      ImmutableList.of(
          new Route("GET", "/console/", false, request -> serve("index.html", false)),
          new Route(
              "GET",
              "/console/{asset}",
              false,
              request -> serve(request.pathParameter("asset"), false)),
          new Route(
              "GET",
              "/console/{version}/{asset}",
              false,
              request ->
                  serve(
                      request.pathParameter("asset"),
                      request.pathParameter("version").equals(VERSION))));

  private ConsoleAssets() {}

  static Reply serve(String name, boolean current) {
    String body = BODIES.get(name);
    if (body == null) {
      throw new ApiException(
          404, "NOT_FOUND", "no console file " + name + ": open /console/ for the console");
    }
    return new Reply.Asset(TYPES.get(name), body, current && !name.equals("index.html"));
  }

  private static String version(ImmutableMap<String, String> files) {
    Hasher digest = Hashing.sha256().newHasher();
    files.forEach(
        (name, body) ->
            digest.putString(name, StandardCharsets.UTF_8).putString(body, StandardCharsets.UTF_8));
    return digest.hash().toString().substring(0, 16);
  }

  /** The page's references to the files, under the version. */
  private static ImmutableMap<String, String> versioned(ImmutableMap<String, String> files) {
    ImmutableMap.Builder<String, String> bodies = ImmutableMap.builder();
    files.forEach(
        (name, body) ->
            bodies.put(
                name,
                name.equals("index.html")
                    ? body.replace("=\"/console/", "=\"/console/" + VERSION + "/")
                    : body));
    return bodies.buildOrThrow();
  }

  private static ImmutableMap<String, String> load() {
    ImmutableMap.Builder<String, String> bodies = ImmutableMap.builder();
    TYPES.keySet().forEach(name -> read(name).ifPresent(body -> bodies.put(name, body)));
    return bodies.buildOrThrow();
  }

  private static Optional<String> read(String name) {
    try (InputStream in = ConsoleAssets.class.getResourceAsStream("/console/" + name)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
