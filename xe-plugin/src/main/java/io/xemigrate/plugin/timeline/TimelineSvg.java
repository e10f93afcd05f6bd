package io.xemigrate.plugin.timeline;

import io.xemigrate.planner.Finding;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.MoveSchedule;
import io.xemigrate.planner.plan.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * A plan's schedule as a standalone SVG timeline: one bar per scheduled move (its predicted start
 * and duration, the pause marked at its end), lanes by destination host or sending NIC, an axis of
 * seconds up to the makespan, and the blocked VMs with their codes. Every name is escaped: VM names
 * are set by tenants.
 */
public final class TimelineSvg {
  static final int LABEL_WIDTH = 260;
  static final int CHART_WIDTH = 760;
  static final int ROW = 18;
  static final int TOP = 56;
  static final int RIGHT = 150;

  private TimelineSvg() {}

  public static String render(MigrationPlan plan, TimelineLayout.Grouping grouping) {
    TimelineLayout layout = TimelineLayout.of(plan, grouping);
    List<MovePlan> blocked =
        plan.moves().stream().filter(move -> move.verdict() == Verdict.BLOCKED).toList();
    int rows = layout.lanes().size() + layout.bars();
    int chartBottom = TOP + rows * ROW;
    int height = chartBottom + 60 + (blocked.isEmpty() ? 0 : 24 + blocked.size() * ROW);
    int width = LABEL_WIDTH + CHART_WIDTH + RIGHT;
    double scale = CHART_WIDTH / Math.max(layout.makespanSeconds(), 1);
    StringBuilder svg = new StringBuilder(4096 + rows * 400);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    text(
        svg,
        8,
        20,
        "title",
        "bold",
        "Plan "
            + plan.source().poolName()
            + " to "
            + plan.destination().poolName()
            + ": "
            + layout.bars()
            + " moves, makespan "
            + seconds(layout.makespanSeconds()));
    axis(svg, layout, scale, chartBottom);
    int y = TOP;
    for (TimelineLayout.Lane lane : layout.lanes()) {
      svg.append("<rect class=\"lane\" x=\"0\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(width)
          .append("\" height=\"")
          .append(ROW)
          .append("\" fill=\"#eef2f7\"/>\n");
      text(svg, 8, y + 13, "lane-title", "bold", lane.title());
      y += ROW;
      for (MovePlan move : lane.moves()) {
        bar(svg, move, scale, y);
        y += ROW;
      }
    }
    text(
        svg,
        8,
        chartBottom + 40,
        "legend",
        "normal",
        "Each bar: a move's predicted duration from its predicted start; dark end: its predicted"
            + " pause; orange: pre-copy not predicted to converge.");
    blocked(svg, blocked, chartBottom + 64);
    return svg.append("</svg>\n").toString();
  }

  private static void axis(StringBuilder svg, TimelineLayout layout, double scale, int bottom) {
    svg.append("<g class=\"axis\">\n");
    for (double tick : layout.ticks()) {
      double x = LABEL_WIDTH + tick * scale;
      line(svg, x, TOP - 6, x, bottom, "#d0d7e2", "tick");
      textMiddle(svg, x, TOP - 10, seconds(tick));
    }
    svg.append("</g>\n");
    double end = LABEL_WIDTH + layout.makespanSeconds() * scale;
    line(svg, end, TOP - 6, end, bottom + 6, "#c0392b", "makespan");
    text(
        svg,
        end + 4,
        bottom + 18,
        "makespan-label",
        "normal",
        "makespan " + seconds(layout.makespanSeconds()));
  }

  private static void bar(StringBuilder svg, MovePlan move, double scale, int y) {
    MoveSchedule schedule = move.schedule();
    double x = LABEL_WIDTH + schedule.startSeconds() * scale;
    double width = Math.max(1, schedule.durationSeconds() * scale);
    double pause = Math.min(width, Math.max(2, schedule.downtimeSeconds() * scale));
    text(svg, 20, y + 13, "vm", "normal", move.vmName());
    svg.append("<rect class=\"bar\" x=\"")
        .append(number(x))
        .append("\" y=\"")
        .append(y + 3)
        .append("\" width=\"")
        .append(number(width))
        .append("\" height=\"")
        .append(ROW - 6)
        .append("\" rx=\"2\" fill=\"")
        .append(schedule.converged() ? "#4a7bd0" : "#d08a2e")
        .append("\"><title>")
        .append(
            escape(
                move.vmName()
                    + ": start "
                    + seconds(schedule.startSeconds())
                    + ", "
                    + seconds(schedule.durationSeconds())
                    + ", pause "
                    + millis(schedule.downtimeSeconds())
                    + (schedule.converged() ? "" : ", does not converge")))
        .append("</title></rect>\n");
    svg.append("<rect class=\"pause\" x=\"")
        .append(number(x + width - pause))
        .append("\" y=\"")
        .append(y + 3)
        .append("\" width=\"")
        .append(number(pause))
        .append("\" height=\"")
        .append(ROW - 6)
        .append("\" fill=\"#1d2b44\"/>\n");
    text(
        svg,
        x + width + 4,
        y + 13,
        "duration",
        "normal",
        seconds(schedule.durationSeconds()) + ", pause " + millis(schedule.downtimeSeconds()));
  }

  private static void blocked(StringBuilder svg, List<MovePlan> blocked, int top) {
    if (blocked.isEmpty()) {
      return;
    }
    text(svg, 8, top, "blocked-title", "bold", "Blocked by the checks (not moved)");
    int y = top + ROW;
    for (MovePlan move : blocked) {
      String codes =
          String.join(", ", move.findings().stream().map(Finding::code).distinct().toList());
      text(svg, 20, y, "blocked", "normal", move.vmName() + ": " + codes);
      y += ROW;
    }
  }

  private static void text(
      StringBuilder svg, double x, double y, String cssClass, String weight, String content) {
    svg.append("<text class=\"")
        .append(cssClass)
        .append("\" x=\"")
        .append(number(x))
        .append("\" y=\"")
        .append(number(y))
        .append("\" font-weight=\"")
        .append(weight)
        .append("\" fill=\"#1d2b44\">")
        .append(escape(content))
        .append("</text>\n");
  }

  private static void textMiddle(StringBuilder svg, double x, double y, String content) {
    svg.append("<text x=\"")
        .append(number(x))
        .append("\" y=\"")
        .append(number(y))
        .append("\" text-anchor=\"middle\" fill=\"#5a6475\" font-size=\"10\">")
        .append(escape(content))
        .append("</text>\n");
  }

  private static void line(
      StringBuilder svg, double x1, double y1, double x2, double y2, String colour, String css) {
    svg.append("<line class=\"")
        .append(css)
        .append("\" x1=\"")
        .append(number(x1))
        .append("\" y1=\"")
        .append(number(y1))
        .append("\" x2=\"")
        .append(number(x2))
        .append("\" y2=\"")
        .append(number(y2))
        .append("\" stroke=\"")
        .append(colour)
        .append("\"/>\n");
  }

  /** Escapes text for an XML element or a double-quoted attribute. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                  // Control characters are not allowed in XML 1.0: shown as a replacement mark.
                  if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    out.append('\uFFFD');
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }

  static String seconds(double value) {
    return String.format(Locale.ROOT, "%.1f s", value);
  }

  private static String millis(double valueSeconds) {
    return String.format(Locale.ROOT, "%.0f ms", valueSeconds * 1000);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
