package io.xemigrate.planner.schedule;

import java.util.Locale;

/** Renders a schedule as plain text: one line per move, then the batch figures. */
public final class ScheduleRenderer {
  private ScheduleRenderer() {}

  /** The text of {@code schedule}; VM and host UUIDs shortened to 8 characters. */
  public static String render(Schedule schedule) {
    StringBuilder text = new StringBuilder();
    text.append(
        format(
            "%s schedule (%s), %d moves%n",
            schedule.strategy().label(), schedule.heuristic(), schedule.queue().size()));
    text.append(
        format(
            "%4s  %-8s  %-8s  %-8s  %4s  %10s  %10s  %10s  %6s  %s%n",
            "#", "vm", "from", "to", "slot", "start", "duration", "downtime", "rounds", "notes"));
    for (ScheduledMove move : schedule.queue()) {
      text.append(
          format(
              "%4d  %-8s  %-8s  %-8s  %4d  %9.1fs  %9.1fs  %8.0fms  %6d  %s%n",
              move.sequence(),
              shorten(move.vmUuid()),
              shorten(move.sourceHostUuid()),
              shorten(move.destinationHostUuid()),
              move.slot(),
              move.startSeconds(),
              move.durationSeconds(),
              move.downtimeSeconds() * 1000,
              move.liveRounds(),
              notes(schedule, move)));
    }
    LowerBound bound = schedule.lowerBound();
    text.append(
        format(
            "makespan %.1f s; lower bound %.1f s (network %.1f s, slots %.1f s, longest move %.1f"
                + " s); ratio %.2f%n",
            schedule.makespanSeconds(),
            bound.seconds(),
            bound.networkSeconds(),
            bound.slotSeconds(),
            bound.chainSeconds(),
            schedule.ratio()));
    text.append(
        format(
            "downtime total %.2f s, largest %.0f ms; not converging: %d%n",
            schedule.totalDowntimeSeconds(),
            schedule.maxDowntimeSeconds() * 1000,
            schedule.nonConverged()));
    schedule
        .deadlineSeconds()
        .ifPresent(
            deadline ->
                text.append(
                    format(
                        "window %.0f s: %d moves predicted to end after it%n",
                        deadline, schedule.lateMoves().size())));
    return text.toString();
  }

  private static String notes(Schedule schedule, ScheduledMove move) {
    StringBuilder notes = new StringBuilder();
    if (!move.predecessors().isEmpty()) {
      notes.append("after ");
      notes.append(
          String.join(",", move.predecessors().stream().map(ScheduleRenderer::shorten).toList()));
    }
    if (move.exclusive()) {
      append(notes, "unshared stream");
    }
    if (!move.converged()) {
      append(notes, "does not converge");
    }
    if (schedule.deadlineSeconds().isPresent()
        && move.endSeconds() > schedule.deadlineSeconds().get()) {
      append(notes, "ends after the window");
    }
    return notes.toString();
  }

  private static void append(StringBuilder notes, String note) {
    if (notes.length() > 0) {
      notes.append("; ");
    }
    notes.append(note);
  }

  private static String shorten(String uuid) {
    return uuid.length() <= 8 ? uuid : uuid.substring(0, 8);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
