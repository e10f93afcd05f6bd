package io.xemigrate.daemon;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.planning.BalanceParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One scheduled job of the daemon's configuration, checked (see {@link DaemonConfigReader}).
 *
 * @param line the line of the job's entry in the configuration file, for later messages
 * @param source pool name or UUID of the profile file; empty for {@code restore}, which takes the
 *     pools of the evacuation it restores
 * @param hosts {@code evacuate-hosts}: host names or UUIDs of the source pool
 * @param tag {@code move-tagged}: the tag the VMs carry; otherwise empty
 * @param restoreJob {@code restore}: the job whose last evacuation is moved back; otherwise empty
 * @param destination the destination pool; empty means the source pool
 * @param maxConcurrent moves at once in all; 0 means no limit besides {@code perSourceHost}
 * @param perSourceHost moves at once sending from one host (1 to 3, default 3)
 * @param window how long after the scheduled time moves may start; empty means no limit
 * @param abortOnBlocked {@code blocked: abort}: move nothing when some VM is blocked by the checks
 * @param maintenance leave evacuated hosts disabled after the run
 * @param runLate {@code missed: run-late}: an occurrence missed while the daemon was down runs when
 *     it comes back, if still inside the window
 * @param balance {@code balance}: the mode, thresholds, most moves, load window and rules; empty
 *     for the other actions
 */
public record JobSpec(
    String name,
    int line,
    CronSchedule schedule,
    ZoneId timeZone,
    JobAction action,
    String source,
    ImmutableList<String> hosts,
    String tag,
    String restoreJob,
    Optional<String> destination,
    Optional<String> destinationHost,
    int maxConcurrent,
    int perSourceHost,
    Optional<Duration> window,
    boolean abortOnBlocked,
    boolean maintenance,
    boolean runLate,
    Optional<BalanceParameters> balance) {

  /** A job of an action other than {@code balance}. */
  public JobSpec(
      String name,
      int line,
      CronSchedule schedule,
      ZoneId timeZone,
      JobAction action,
      String source,
      ImmutableList<String> hosts,
      String tag,
      String restoreJob,
      Optional<String> destination,
      Optional<String> destinationHost,
      int maxConcurrent,
      int perSourceHost,
      Optional<Duration> window,
      boolean abortOnBlocked,
      boolean maintenance,
      boolean runLate) {
    this(
        name,
        line,
        schedule,
        timeZone,
        action,
        source,
        hosts,
        tag,
        restoreJob,
        destination,
        destinationHost,
        maxConcurrent,
        perSourceHost,
        window,
        abortOnBlocked,
        maintenance,
        runLate,
        Optional.empty());
  }

  /** The instant after which no move of an occurrence scheduled at {@code scheduledFor} starts. */
  public Instant startDeadline(Instant scheduledFor) {
    return window.map(scheduledFor::plus).orElse(Instant.MAX);
  }

  /** The next occurrence strictly after {@code after}. */
  public Optional<Instant> next(Instant after) {
    return schedule.next(after, timeZone);
  }
}
