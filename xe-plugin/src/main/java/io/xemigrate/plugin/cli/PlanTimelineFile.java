package io.xemigrate.plugin.cli;

import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.plugin.timeline.TimelineHtml;
import io.xemigrate.plugin.timeline.TimelineLayout;
import io.xemigrate.plugin.timeline.TimelineSvg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** {@code plan-show format=svg|html out=FILE [by=host|nic]}: the plan's timeline as a file. */
final class PlanTimelineFile {
  private PlanTimelineFile() {}

  /** What {@code --json} prints. */
  record Written(String out, String format) {}

  /** Whether the arguments ask for a timeline file rather than the table. */
  static boolean wanted(Arguments arguments) {
    String format = arguments.optional("format").orElse("table").toLowerCase(Locale.ROOT);
    return switch (format) {
      case "table" -> {
        if (arguments.optional("out").isPresent() || arguments.optional("by").isPresent()) {
          throw new UsageException("out= and by= go with format=svg or format=html");
        }
        yield false;
      }
      case "svg", "html" -> true;
      default ->
          throw new UsageException(
              "unknown format '" + format + "' in format=: give table, svg or html");
    };
  }

  static ExitCode write(MigrationPlan plan, Arguments arguments, Console console) {
    String format = arguments.required("format").toLowerCase(Locale.ROOT);
    Path out =
        Path.of(
            arguments
                .optional("out")
                .orElseThrow(
                    () ->
                        new UsageException(
                            "format=" + format + " writes a file: give it with out=FILE")));
    TimelineLayout.Grouping grouping = grouping(arguments.optional("by").orElse("host"));
    String text =
        format.equals("svg")
            ? TimelineSvg.render(plan, grouping)
            : TimelineHtml.render(plan, grouping);
    try {
      Files.writeString(out, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot write " + out + " given by out=: " + reason(e));
    }
    if (console.json()) {
      console.line(Json.write(new Written(out.toString(), format)));
    } else {
      console.line("timeline written to " + out + " (" + format + ")");
    }
    return ExitCode.DONE;
  }

  private static TimelineLayout.Grouping grouping(String by) {
    return switch (by.toLowerCase(Locale.ROOT)) {
      case "host" -> TimelineLayout.Grouping.DESTINATION_HOST;
      case "nic" -> TimelineLayout.Grouping.SOURCE_NIC;
      default ->
          throw new UsageException(
              "unknown grouping '" + by + "' in by=: give host (destination host) or nic");
    };
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "its folder does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return "the file system refused it";
  }
}
