package io.xemigrate.tests.store;

import io.xemigrate.coordinator.journal.StoreLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the binaries of the
 * machine (Debian's {@code postgresql} package, which {@code .ci/run} installs): {@code initdb} in
 * a temporary folder, {@code postgres} on an ephemeral port of 127.0.0.1 with password logins
 * (SCRAM), stopped when the JVM ends. PostgreSQL refuses to run as root, so under root it runs as
 * {@code nobody} through {@code setpriv}. Each test takes a fresh database ({@link #newDatabase}).
 *
 * <p>No server binaries: in CI (environment {@code CI} set) the tests fail with that reason; on a
 * developer's machine they are skipped with it.
 */
public final class PostgresServer {
  static final String USER = "xemigrate";
  static final String PASSWORD = "test-password-4f1c";
  private static final int NOBODY = 65534;
  private static final Object LOCK = new Object();
  private static PostgresServer shared;
  private static String unavailable;

  private final Path dir;
  private final Process process;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  /** The server of this JVM, started on first use. */
  public static PostgresServer shared() {
    synchronized (LOCK) {
      if (shared == null && unavailable == null) {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
          unavailable =
              "no PostgreSQL server binaries (initdb, postgres) under /usr/lib/postgresql/*/bin:"
                  + " install Debian's postgresql package (.ci/run does)";
        } else {
          shared = start(bin.get());
          Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
        }
      }
      if (shared == null) {
        if (System.getenv("CI") != null) {
          throw new IllegalStateException(unavailable);
        }
        Assumptions.abort(unavailable);
      }
      return shared;
    }
  }

  public int port() {
    return port;
  }

  /** A new, empty database on the server, owned by the test user. */
  public StoreLocation.Postgres newDatabase() {
    String name = "t" + databases.incrementAndGet();
    try (Connection admin = connect("postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return new StoreLocation.Postgres("127.0.0.1", port, name, USER, PASSWORD);
  }

  /** A superuser connection to {@code database}, for tests that look under the stores. */
  public Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
  }

  /**
   * Ends every server connection to {@code database} as an administrator's {@code
   * pg_terminate_backend} (or a server restart) does, and waits for them to be gone.
   */
  public void dropConnections(String database) throws SQLException {
    try (Connection admin = connect("postgres");
        PreparedStatement terminate =
            admin.prepareStatement(
                "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
                    + " WHERE datname = ?")) {
      terminate.setString(1, database);
      terminate.executeQuery().close();
    }
  }

  private static Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .filter(bin -> Files.isExecutable(bin.resolve("postgres")))
          .max(Comparator.comparing(bin -> versionOf(bin.getParent())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int versionOf(Path dir) {
    String name = dir.getFileName().toString();
    return name.matches("[0-9]{1,4}") ? Integer.parseInt(name) : 0;
  }

  private static PostgresServer start(Path bin) {
    try {
      Path dir = Files.createTempDirectory("xe-migrate-pg");
      Path data = dir.resolve("data");
      Path passwordFile = dir.resolve("password");
      Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
      giveAway(dir);
      giveAway(passwordFile);
      run(
          command(
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              USER,
              "--pwfile=" + passwordFile,
              "--auth=scram-sha-256",
              "-E",
              "UTF8",
              "--locale=C",
              "--no-sync"));
      IllegalStateException last = null;
      for (int attempt = 0; attempt < 5; attempt++) {
        int port = freePort();
        Process process =
            new ProcessBuilder(
                    command(
                        bin.resolve("postgres").toString(),
                        "-D",
                        data.toString(),
                        "-p",
                        String.valueOf(port),
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        "unix_socket_directories=" + dir,
                        "-c",
                        "fsync=off",
                        "-c",
                        "shared_buffers=16MB",
                        "-c",
                        "max_connections=200"))
                .redirectErrorStream(true)
                .start();
        try {
          awaitReady(process);
          return new PostgresServer(dir, process, port);
        } catch (IllegalStateException e) {
          // Most likely the port was taken between freePort and the bind: another one.
          process.destroyForcibly();
          last = e;
        }
      }
      throw last;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the server's log until it accepts connections; fails when it ends first. */
  private static void awaitReady(Process process) throws IOException {
    BufferedReader log =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    for (String line = log.readLine(); line != null; line = log.readLine()) {
      lines.add(line);
      if (line.contains("ready to accept connections")) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (log.readLine() != null) {
                      // The server's log after start: not needed.
                    }
                  } catch (IOException e) {
                    // The server stopped.
                  }
                },
                "postgres-log");
        drain.setDaemon(true);
        drain.start();
        return;
      }
    }
    throw new IllegalStateException("postgres ended before it was ready: " + lines);
  }

  private static void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Under root, the command as {@code nobody}: PostgreSQL refuses to run as root. */
  private static List<String> command(String... command) {
    List<String> full = new ArrayList<>();
    if (root()) {
      full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    }
    full.addAll(List.of(command));
    return full;
  }

  private static void giveAway(Path path) throws IOException {
    if (root()) {
      Files.setAttribute(path, "unix:uid", NOBODY);
      Files.setAttribute(path, "unix:gid", NOBODY);
    }
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** A fast shutdown (SIGINT), then the folder is removed. */
  private void stop() {
    try {
      new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    } catch (IOException e) {
      // Stopping at exit: the temporary folder stays.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
