package io.xemigrate.daemon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.coordinator.journal.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the daemon's YAML configuration. Every mistake (an unknown key, a bad value, a missing key,
 * a key that does not apply to the job's action) is one line: {@code config FILE:LINE: what is
 * wrong; what to do}. Relative paths are relative to the configuration file.
 */
public final class DaemonConfigReader {
  private static final ImmutableSet<String> TOP =
      ImmutableSet.of(
          "pools", "database", "databasePasswordFile", "api", "jobs", "leaseTtl", "logLevel");
  private static final ImmutableSet<String> LOG_LEVELS =
      ImmutableSet.of("error", "warn", "info", "debug");
  private static final ImmutableSet<String> API =
      ImmutableSet.of(
          "listen", "tokenFile", "tls", "maxBodyBytes", "readTimeout", "maxConnections");
  private static final ImmutableSet<String> TLS = ImmutableSet.of("certificate", "key");
  private static final ImmutableSet<String> LIMITS =
      ImmutableSet.of("maxConcurrent", "perSourceHost");

  private DaemonConfigReader() {}

  /**
   * Reads and checks {@code file}.
   *
   * @throws BadRequestException {@code config FILE:LINE: ...}
   */
  public static DaemonConfig read(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new BadRequestException(
          "cannot read the daemon configuration " + file + ": check config= or create the file");
    }
    try (JsonParser parser = new YAMLFactory().createParser(file.toFile())) {
      if (parser.nextToken() == null) {
        throw new ConfigException(1, "the file is empty: it needs at least 'pools:' and 'jobs:'");
      }
      return config(file, YamlNode.read(parser));
    } catch (ConfigException e) {
      throw new BadRequestException("config " + file + ":" + e.line() + ": " + e.getMessage());
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      String message = String.valueOf(e.getOriginalMessage()).replace('\n', ' ').strip();
      throw new BadRequestException("config " + file + ":" + line + ": not valid YAML: " + message);
    } catch (IOException e) {
      throw new BadRequestException("cannot read the daemon configuration " + file + ": " + e);
    }
  }

  private static DaemonConfig config(Path file, YamlNode root) {
    Values top = Values.of(root, "the configuration", TOP);
    Path pools = resolve(file, top.requiredText("pools"));
    Optional<StoreLocation> database = database(file, root, top);
    Optional<ApiConfig> api = top.node("api").map(node -> api(file, node));
    Duration leaseTtl = top.duration("leaseTtl").orElse(Duration.ofSeconds(30));
    Optional<String> logLevel = top.text("logLevel");
    if (logLevel.isPresent() && !LOG_LEVELS.contains(logLevel.get())) {
      throw new ConfigException(
          root.lineOf("logLevel"),
          "logLevel must be one of "
              + String.join(", ", LOG_LEVELS)
              + ", not '"
              + logLevel.get()
              + "'");
    }
    YamlNode jobsNode =
        top.node("jobs").orElseThrow(() -> new ConfigException(root.line(), "no 'jobs:' list"));
    if (jobsNode.kind() != YamlNode.Kind.LIST) {
      throw new ConfigException(jobsNode.line(), "'jobs' must be a list of jobs");
    }
    ImmutableList.Builder<JobSpec> jobs = ImmutableList.builder();
    Set<String> names = new HashSet<>();
    for (YamlNode entry : jobsNode.list()) {
      JobSpec job = JobSpecReader.job(entry);
      if (!names.add(job.name())) {
        throw new ConfigException(entry.line(), "the job name '" + job.name() + "' is used twice");
      }
      jobs.add(job);
    }
    ImmutableList<JobSpec> all = jobs.build();
    JobSpecReader.checkRestores(all);
    return new DaemonConfig(file, pools, database, api, leaseTtl, all, logLevel);
  }

  private static ApiConfig api(Path file, YamlNode node) {
    Values api = Values.of(node, "'api'", API);
    String listen = api.text("listen").orElse("127.0.0.1:8443");
    int colon = listen.lastIndexOf(':');
    int port = colon < 0 ? -1 : parsePort(listen.substring(colon + 1));
    if (colon <= 0 || port < 0) {
      throw new ConfigException(
          node.lineOf("listen"),
          "listen must be host:port (port 0 to 65535), not '" + listen + "'");
    }
    Path token = resolve(file, api.requiredText("tokenFile"));
    Optional<Path> certificate = Optional.empty();
    Optional<Path> key = Optional.empty();
    Optional<YamlNode> tlsNode = api.node("tls");
    if (tlsNode.isPresent()) {
      Values tls = Values.of(tlsNode.get(), "'tls'", TLS);
      certificate = Optional.of(resolve(file, tls.requiredText("certificate")));
      key = Optional.of(resolve(file, tls.requiredText("key")));
    }
    int maxBody = api.integer("maxBodyBytes", 1, Integer.MAX_VALUE).orElse(65536);
    Duration readTimeout = api.duration("readTimeout").orElse(Duration.ofSeconds(30));
    int maxConnections = api.integer("maxConnections", 1, 100_000).orElse(128);
    return new ApiConfig(
        listen.substring(0, colon).replace("[", "").replace("]", ""),
        port,
        token,
        certificate,
        key,
        maxBody,
        readTimeout,
        maxConnections);
  }

  static ImmutableSet<String> limitKeys() {
    return LIMITS;
  }

  private static int parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      return port >= 0 && port <= 65535 ? port : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * {@code database}: a file, or a PostgreSQL address whose password comes from {@code
   * databasePasswordFile} or the environment ({@link StoreLocation#parse}).
   */
  private static Optional<StoreLocation> database(Path file, YamlNode root, Values top) {
    Optional<Path> passwordFile = top.text("databasePasswordFile").map(path -> resolve(file, path));
    Optional<String> text = top.text("database");
    if (passwordFile.isPresent() && !text.map(StoreLocation::isServer).orElse(false)) {
      throw new ConfigException(
          root.lineOf("databasePasswordFile"),
          "databasePasswordFile applies to a PostgreSQL database only: remove it, or set"
              + " database: postgresql://HOST[:PORT]/DB?user=NAME");
    }
    try {
      return text.map(
          value ->
              StoreLocation.parse(
                  value,
                  "database:",
                  "databasePasswordFile",
                  path -> resolve(file, path),
                  passwordFile,
                  System.getenv()));
    } catch (BadRequestException e) {
      throw new ConfigException(root.lineOf("database"), e.getMessage());
    }
  }

  private static Path resolve(Path configFile, String path) {
    Path given = Path.of(path);
    if (given.isAbsolute()) {
      return given;
    }
    Path parent = configFile.toAbsolutePath().getParent();
    return parent == null ? given : parent.resolve(given);
  }

  /** The entries of one map, with the keys it may have; typed getters that name the line. */
  record Values(YamlNode node, String what) {
    static Values of(YamlNode node, String what, Set<String> known) {
      if (node.kind() != YamlNode.Kind.MAP) {
        throw new ConfigException(node.line(), what + " must be a map of key: value");
      }
      for (Map.Entry<String, YamlNode> entry : node.map().entrySet()) {
        if (!known.contains(entry.getKey())) {
          throw new ConfigException(
              node.lineOf(entry.getKey()),
              "unknown key '"
                  + entry.getKey()
                  + "' in "
                  + what
                  + " (known: "
                  + String.join(", ", known)
                  + ")");
        }
      }
      return new Values(node, what);
    }

    boolean has(String key) {
      return node.map().containsKey(key) && node.map().get(key).kind() != YamlNode.Kind.NULL;
    }

    int line(String key) {
      return node.lineOf(key);
    }

    Optional<YamlNode> node(String key) {
      return has(key) ? Optional.of(node.map().get(key)) : Optional.empty();
    }

    Optional<String> text(String key) {
      Optional<YamlNode> value = node(key);
      if (value.isPresent() && value.get().kind() != YamlNode.Kind.SCALAR) {
        throw new ConfigException(line(key), "'" + key + "' must be a single value");
      }
      return value.flatMap(YamlNode::scalar);
    }

    String requiredText(String key) {
      return text(key)
          .orElseThrow(() -> new ConfigException(node.line(), what + " has no '" + key + "'"));
    }

    Optional<Integer> integer(String key, int min, int max) {
      return text(key)
          .map(
              text -> {
                try {
                  int value = Integer.parseInt(text);
                  if (value >= min && value <= max) {
                    return value;
                  }
                } catch (NumberFormatException e) {
                  // reported below
                }
                throw new ConfigException(
                    line(key),
                    "'"
                        + key
                        + "' must be a whole number from "
                        + min
                        + (max == Integer.MAX_VALUE ? " up" : " to " + max)
                        + ", not '"
                        + text
                        + "'");
              });
    }

    Optional<Boolean> bool(String key) {
      return text(key)
          .map(
              text ->
                  switch (text) {
                    case "true" -> true;
                    case "false" -> false;
                    default ->
                        throw new ConfigException(
                            line(key), "'" + key + "' must be true or false, not '" + text + "'");
                  });
    }

    Optional<Duration> duration(String key) {
      return text(key)
          .map(
              text -> {
                try {
                  Duration duration = Duration.parse(text);
                  if (!duration.isNegative() && !duration.isZero()) {
                    return duration;
                  }
                } catch (DateTimeParseException e) {
                  // reported below
                }
                throw new ConfigException(
                    line(key),
                    "'"
                        + key
                        + "' must be a positive ISO-8601 duration such as PT2H or PT30M, not '"
                        + text
                        + "'");
              });
    }

    ImmutableList<String> texts(String key) {
      Optional<YamlNode> value = node(key);
      if (value.isEmpty()) {
        return ImmutableList.of();
      }
      if (value.get().kind() == YamlNode.Kind.SCALAR) {
        return ImmutableList.of(value.get().scalar().orElseThrow());
      }
      if (value.get().kind() != YamlNode.Kind.LIST) {
        throw new ConfigException(line(key), "'" + key + "' must be a list such as [a1, a2]");
      }
      ImmutableList.Builder<String> items = ImmutableList.builder();
      for (YamlNode item : value.get().list()) {
        items.add(
            item.scalar()
                .orElseThrow(
                    () -> new ConfigException(item.line(), "'" + key + "' items are names")));
      }
      return items.build();
    }
  }
}
