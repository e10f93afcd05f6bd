package io.xemigrate.daemon;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Jobs and their runs as the database and (when given) the configuration describe them: what {@code
 * job-list}, {@code job-history} and the API's job endpoints read. Works whether a daemon runs or
 * not.
 */
public final class JobCatalog {
  private final Optional<DaemonConfig> config;
  private final JobStore store;
  private final Clock clock;

  public JobCatalog(Optional<DaemonConfig> config, JobStore store, Clock clock) {
    this.config = config;
    this.store = store;
    this.clock = clock;
  }

  /** The configured jobs, else every job the database knows, by name. */
  public ImmutableList<JobInfo> jobs() {
    TreeSet<String> names = new TreeSet<>();
    config.ifPresentOrElse(
        c -> c.jobs().forEach(job -> names.add(job.name())), () -> names.addAll(store.knownJobs()));
    return names.stream()
        .map(this::job)
        .flatMap(Optional::stream)
        .collect(ImmutableList.toImmutableList());
  }

  /** A job, if configured (or, without a configuration, known to the database). */
  public Optional<JobInfo> job(String name) {
    Optional<JobSpec> spec = config.flatMap(c -> c.job(name));
    if (spec.isEmpty() && (config.isPresent() || !store.knownJobs().contains(name))) {
      return Optional.empty();
    }
    Optional<JobRunRecord> last = store.history(name).stream().findFirst();
    return Optional.of(
        new JobInfo(
            name,
            spec.map(job -> job.schedule().text()).orElse(""),
            spec.map(job -> job.timeZone().getId()).orElse(""),
            spec.map(job -> job.action().configName()).orElse(""),
            store.paused(name),
            spec.flatMap(job -> job.next(clock.instant())),
            last));
  }

  public List<JobRunRecord> history(String name) {
    return store.history(name);
  }
}
