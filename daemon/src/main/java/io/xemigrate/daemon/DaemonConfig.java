package io.xemigrate.daemon;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The daemon's configuration file ({@code xe-migrate serve config=FILE}), checked.
 *
 * @param file the file it was read from (messages name it)
 * @param pools the pool profile file
 * @param database the database of the journal and the job tables (an SQLite file or a PostgreSQL
 *     database); empty means the journal of the data directory
 * @param leaseTtl how long a pool lease lasts without a heartbeat (default 30 s): a daemon that
 *     dies holding one blocks its pools that long at most
 * @param jobs the jobs, in the file's order
 * @param logLevel the least level of log records shown (error, warn, info, debug); empty means
 *     error only, or info with {@code verbose=true}
 */
public record DaemonConfig(
    Path file,
    Path pools,
    Optional<StoreLocation> database,
    Optional<ApiConfig> api,
    Duration leaseTtl,
    ImmutableList<JobSpec> jobs,
    Optional<String> logLevel) {

  public Optional<JobSpec> job(String name) {
    return jobs.stream().filter(job -> job.name().equals(name)).findFirst();
  }
}
