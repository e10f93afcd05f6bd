package io.xemigrate.daemon;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.coordinator.planning.BalanceParameters;
import io.xemigrate.daemon.DaemonConfigReader.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and checks one entry of {@code jobs:}; see {@link DaemonConfigReader}. */
final class JobSpecReader {
  private static final ImmutableSet<String> KEYS =
      ImmutableSet.of(
          "name",
          "schedule",
          "timeZone",
          "action",
          "source",
          "hosts",
          "tag",
          "restoreJob",
          "destination",
          "destinationHost",
          "limits",
          "window",
          "blocked",
          "maintenance",
          "missed",
          "mode",
          "cpuThreshold",
          "memoryThreshold",
          "maxMoves",
          "loadWindow",
          "rules");

  /** The balance keys of the configuration to the parameter names the command line uses. */
  private static final Map<String, String> BALANCE_KEYS =
      Map.of(
          "mode", "mode",
          "cpu-threshold", "cpuThreshold",
          "memory-threshold", "memoryThreshold",
          "max-moves", "maxMoves",
          "window", "loadWindow");

  /** The keys that only some actions take, with the actions that take them. */
  private static final Map<String, List<JobAction>> ACTION_KEYS =
      Map.ofEntries(
          Map.entry("mode", List.of(JobAction.BALANCE)),
          Map.entry("cpuThreshold", List.of(JobAction.BALANCE)),
          Map.entry("memoryThreshold", List.of(JobAction.BALANCE)),
          Map.entry("maxMoves", List.of(JobAction.BALANCE)),
          Map.entry("loadWindow", List.of(JobAction.BALANCE)),
          Map.entry("rules", List.of(JobAction.BALANCE)),
          Map.entry("hosts", List.of(JobAction.EVACUATE_HOSTS)),
          Map.entry("tag", List.of(JobAction.MOVE_TAGGED)),
          Map.entry("restoreJob", List.of(JobAction.RESTORE)),
          Map.entry(
              "source",
              List.of(
                  JobAction.EVACUATE_HOSTS,
                  JobAction.DRAIN_POOL,
                  JobAction.MOVE_TAGGED,
                  JobAction.BALANCE)),
          Map.entry(
              "destination",
              List.of(JobAction.EVACUATE_HOSTS, JobAction.DRAIN_POOL, JobAction.MOVE_TAGGED)),
          Map.entry("maintenance", List.of(JobAction.EVACUATE_HOSTS, JobAction.DRAIN_POOL)));

  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

  /** A fixed instant for the "does it ever fire" check: reading a file reads no clock. */
  private static final Instant REFERENCE = Instant.parse("2026-01-01T00:00:00Z");

  private JobSpecReader() {}

  static JobSpec job(YamlNode entry) {
    String name = Values.of(entry, "a job", KEYS).requiredText("name");
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException(
          entry.lineOf("name"),
          "job name '" + name + "' must be lower-case letters, digits and '-'");
    }
    String what = "job '" + name + "'";
    Values job = new Values(entry, what);
    CronSchedule schedule;
    try {
      schedule = CronSchedule.parse(job.requiredText("schedule"));
    } catch (CronException e) {
      throw new ConfigException(
          job.line("schedule"), "schedule of " + what + ": " + e.getMessage());
    }
    ZoneId zone = zone(job);
    if (schedule.next(REFERENCE, ZoneOffset.UTC).isEmpty()) {
      throw new ConfigException(
          job.line("schedule"),
          "schedule '" + schedule + "' of " + what + " never fires: check day and month");
    }
    String actionName = job.requiredText("action");
    JobAction action =
        JobAction.byConfigName(actionName)
            .orElseThrow(
                () ->
                    new ConfigException(
                        job.line("action"),
                        "unknown action '"
                            + actionName
                            + "' (known: evacuate-hosts, drain-pool, move-tagged, restore, balance)"));
    for (Map.Entry<String, List<JobAction>> key : ACTION_KEYS.entrySet()) {
      if (job.has(key.getKey()) && !key.getValue().contains(action)) {
        throw new ConfigException(
            job.line(key.getKey()),
            "'" + key.getKey() + "' does not apply to action " + actionName + ": remove it");
      }
    }
    String source = action == JobAction.RESTORE ? "" : job.requiredText("source");
    ImmutableList<String> hosts = job.texts("hosts");
    if (action == JobAction.EVACUATE_HOSTS && hosts.isEmpty()) {
      throw new ConfigException(entry.line(), what + " evacuates hosts but names none: add hosts:");
    }
    String tag = action == JobAction.MOVE_TAGGED ? job.requiredText("tag") : "";
    String restoreJob = action == JobAction.RESTORE ? job.requiredText("restoreJob") : "";
    Optional<String> destination = job.text("destination");
    if (action == JobAction.DRAIN_POOL
        && destination.filter(pool -> !pool.equals(source)).isEmpty()) {
      // Draining a pool into itself would move every VM to another host of the same pool.
      throw new ConfigException(
          entry.line(), what + " drains a pool: add a destination pool other than the source");
    }
    int maxConcurrent = 0;
    int perSourceHost = 3;
    Optional<YamlNode> limitsNode = job.node("limits");
    if (limitsNode.isPresent()) {
      Values limits = Values.of(limitsNode.get(), "'limits'", DaemonConfigReader.limitKeys());
      maxConcurrent = limits.integer("maxConcurrent", 0, 1000).orElse(0);
      perSourceHost = limits.integer("perSourceHost", 1, 3).orElse(3);
    }
    return new JobSpec(
        name,
        entry.line(),
        schedule,
        zone,
        action,
        source,
        hosts,
        tag,
        restoreJob,
        destination,
        job.text("destinationHost"),
        maxConcurrent,
        perSourceHost,
        job.duration("window"),
        choice(job, "blocked", "skip", "abort").equals("abort"),
        job.bool("maintenance").orElse(false),
        choice(job, "missed", "skip", "run-late").equals("run-late"),
        action == JobAction.BALANCE ? Optional.of(balance(job, what)) : Optional.empty());
  }

  /** The balance settings, checked as the command line checks them; a mistake names its line. */
  private static BalanceParameters balance(Values job, String what) {
    if (!job.has("mode")) {
      throw new ConfigException(
          job.line("action"), what + " balances a pool: add mode: performance or density");
    }
    Optional<BalanceParameters.RulesText> rules =
        job.text("rules")
            .map(
                file -> {
                  try {
                    return new BalanceParameters.RulesText(
                        file, Files.readString(Path.of(file), StandardCharsets.UTF_8));
                  } catch (IOException | RuntimeException e) {
                    throw new ConfigException(
                        job.line("rules"),
                        "rules file " + file + " of " + what + " cannot be read: check the path");
                  }
                });
    try {
      return BalanceParameters.parse(key -> job.text(BALANCE_KEYS.get(key)), rules);
    } catch (BadRequestException e) {
      throw new ConfigException(job.line("mode"), what + ": " + e.getMessage());
    }
  }

  /** A restore must name another job of the file that moves VMs off hosts or a pool. */
  static void checkRestores(List<JobSpec> jobs) {
    for (JobSpec job : jobs) {
      if (job.action() != JobAction.RESTORE) {
        continue;
      }
      Optional<JobSpec> target =
          jobs.stream().filter(other -> other.name().equals(job.restoreJob())).findFirst();
      if (target.isEmpty()
          || target.get().action() == JobAction.RESTORE
          || target.get().action() == JobAction.BALANCE) {
        throw new ConfigException(
            job.line(),
            "restoreJob '"
                + job.restoreJob()
                + "' of job '"
                + job.name()
                + "' must name an evacuate-hosts, drain-pool or move-tagged job of this file");
      }
    }
  }

  private static ZoneId zone(Values job) {
    String text = job.text("timeZone").orElse("UTC");
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new ConfigException(
          job.line("timeZone"),
          "unknown time zone '" + text + "': use an IANA name such as Europe/Paris or UTC");
    }
  }

  /** The value of {@code key}: the first choice by default, else one of the choices. */
  private static String choice(Values job, String key, String... choices) {
    String value = job.text(key).orElse(choices[0]);
    if (!List.of(choices).contains(value)) {
      throw new ConfigException(
          job.line(key),
          "'" + key + "' must be " + String.join(" or ", choices) + ", not '" + value + "'");
    }
    return value;
  }
}
