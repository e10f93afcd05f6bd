package io.xemigrate.plugin.timeline;

import io.xemigrate.planner.plan.MigrationPlan;

/**
 * The timeline as a self-contained HTML page for a change ticket: the SVG inline, a title, no
 * script and nothing fetched.
 */
public final class TimelineHtml {
  private TimelineHtml() {}

  public static String render(MigrationPlan plan, TimelineLayout.Grouping grouping) {
    String title =
        "xe-migrate plan: " + plan.source().poolName() + " to " + plan.destination().poolName();
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
        + " style-src 'unsafe-inline'\">\n<title>"
        + TimelineSvg.escape(title)
        + "</title>\n<style>body{font-family:sans-serif;margin:16px;color:#1d2b44}</style>\n"
        + "</head>\n<body>\n<h1>"
        + TimelineSvg.escape(title)
        + "</h1>\n<p>Planned "
        + TimelineSvg.escape(plan.source().capturedAt())
        + ". Each bar is a move's predicted duration; the dark end is its predicted pause.</p>\n"
        + TimelineSvg.render(plan, grouping)
        + "</body>\n</html>\n";
  }
}
