package io.xemigrate.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.daemon.DaemonConfig;
import io.xemigrate.daemon.DaemonConfigReader;
import io.xemigrate.daemon.DaemonDatabase;
import io.xemigrate.daemon.JobCatalog;
import io.xemigrate.daemon.JobRunRecord;
import io.xemigrate.daemon.JobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What the {@code job-*} commands share: the database ({@code database=}, else the configuration's,
 * else the journal of the data directory) and, with {@code config=}, the configured jobs. They work
 * on the database alone, whether a daemon runs or not.
 */
final class JobSession implements AutoCloseable {
  static final ImmutableSet<String> KEYS =
      ImmutableSet.<String>builder().add("config").addAll(DatabaseArgument.KEYS).build();

  final Optional<DaemonConfig> config;
  final DaemonDatabase database;
  final JobStore store;
  final JobCatalog catalog;

  private JobSession(Optional<DaemonConfig> config, DaemonDatabase database) {
    this.config = config;
    this.database = database;
    this.store = new JobStore(database);
    this.catalog = new JobCatalog(config, store, Clock.systemUTC());
  }

  static JobSession open(Arguments arguments) {
    Optional<DaemonConfig> config =
        arguments.optional("config").map(file -> DaemonConfigReader.read(Path.of(file)));
    StoreLocation database =
        DatabaseArgument.given(arguments)
            .or(() -> config.flatMap(DaemonConfig::database).map(JobSession::configured))
            .orElseGet(DatabaseArgument::dataDirectory);
    return new JobSession(config, DaemonDatabase.open(database));
  }

  private static StoreLocation configured(StoreLocation database) {
    if (database instanceof StoreLocation.SqliteFile sqlite) {
      DatabaseFile.check(sqlite.file(), "the configuration's database:");
    }
    return database;
  }

  /** The job named by {@code job=}; unknown is a one-line usage error. */
  String job(Arguments arguments) {
    String name = arguments.required("job");
    if (catalog.job(name).isEmpty()) {
      throw new UsageException(
          "unknown job '"
              + name
              + "' in job=: "
              + (config.isPresent()
                  ? config.get().file() + " has no such job"
                  : "the database knows no such job; give config=FILE"));
    }
    return name;
  }

  static ObjectNode json(JobRunRecord run) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("id", run.id())
        .put("job", run.job())
        .put("kind", run.kind())
        .put("scheduledFor", run.scheduledFor().toString());
    run.startedAt()
        .ifPresentOrElse(
            at -> node.put("startedAt", at.toString()), () -> node.putNull("startedAt"));
    run.endedAt()
        .ifPresentOrElse(at -> node.put("endedAt", at.toString()), () -> node.putNull("endedAt"));
    node.put("status", run.status().name());
    if (run.runId().isEmpty()) {
      node.putNull("runId");
    } else {
      node.put("runId", run.runId());
    }
    return node.put("detail", run.detail());
  }

  static String line(JobRunRecord run) {
    return String.format(
        "%-40s %-22s %-15s %-28s %s",
        run.id(),
        run.scheduledFor(),
        run.status(),
        run.runId().isEmpty() ? "-" : run.runId(),
        run.detail());
  }

  @Override
  public void close() {
    database.close();
  }
}
