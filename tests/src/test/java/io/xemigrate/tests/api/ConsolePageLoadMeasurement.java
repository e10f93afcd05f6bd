package io.xemigrate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test (its name keeps it out of {@code verify}): measures how long the console takes to show
 * a plan of 2000 moves, from navigation start to the timeline drawn, with the browser's Navigation,
 * Resource and User Timing. Run it with {@code ./mvnw -o -q -pl tests -am test
 * -Dtest=ConsolePageLoadMeasurement -Dsurefire.failIfNoSpecifiedTests=false}; the figures go to
 * {@code target/console-page-load.txt}.
 */
class ConsolePageLoadMeasurement {
  static final int MOVES = 2000;
  static final int LOADS = 7;

  @TempDir Path dir;

  @Test
  void planOf2000MovesLoads() throws Exception {
    try (ApiFixture api = new ApiFixture(dir);
        ConsoleBrowser browser =
            new ConsoleBrowser(dir.resolve("chromium-profile"), Duration.ofSeconds(60))) {
      String planId = "plan-large-2000";
      insert(api.database, planId, largePlan());
      String base = "http://127.0.0.1:" + api.server.port();
      browser.driver.get(base + "/console/");
      browser.one("#token").sendKeys(ApiFixture.TOKEN);
      browser.one("#signin button[type=submit]").click();
      browser.one("tr.plan-row");
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < LOADS; i++) {
        browser.driver.get(base + "/console/?load=" + i + "#/plans/" + planId);
        browser.awaitCount("svg.timeline rect.bar.predicted", MOVES);
        browser.wait.until(
            d ->
                browser.driver.executeScript(
                        "return performance.getEntriesByName('xe-timeline-complete').length")
                    != null);
        @SuppressWarnings("unchecked")
        Map<String, Object> figures =
            (Map<String, Object>)
                browser.driver.executeScript(
                    "const nav = performance.getEntriesByType('navigation')[0];"
                        + "const plan = performance.getEntriesByType('resource')"
                        + ".find(r => r.name.includes('/api/v1/plans/'));"
                        + "const assets = performance.getEntriesByType('resource')"
                        + ".filter(r => r.name.includes('/console/'));"
                        + "return {drawn: performance.getEntriesByName('xe-timeline-drawn')[0].startTime,"
                        + " complete: performance.getEntriesByName('xe-timeline-complete')[0].startTime,"
                        + " fetched: performance.getEntriesByName('xe-plan-fetched')[0].startTime,"
                        + " domContentLoaded: nav.domContentLoadedEventEnd,"
                        + " assetsEnd: Math.max(...assets.map(r => r.responseEnd)),"
                        + " planRequest: plan.responseEnd - plan.startTime,"
                        + " planBytes: plan.encodedBodySize,"
                        + " bars: document.querySelectorAll('rect.bar.predicted').length};");
        lines.add(
            String.format(
                Locale.ROOT,
                "load %d: first screen of the timeline drawn %.0f ms after navigation start, all %d"
                    + " bars %.0f ms (plan read %.0f ms,"
                    + " DOMContentLoaded %.0f ms,"
                    + " assets done %.0f ms, plan JSON %.0f ms for %d bytes), %s bars counted",
                i,
                number(figures.get("drawn")),
                MOVES,
                number(figures.get("complete")),
                number(figures.get("fetched")),
                number(figures.get("domContentLoaded")),
                number(figures.get("assetsEnd")),
                number(figures.get("planRequest")),
                (long) number(figures.get("planBytes")),
                figures.get("bars")));
      }
      Path report = Path.of("target", "console-page-load.txt");
      Files.write(report, lines, StandardCharsets.UTF_8);
      lines.forEach(System.out::println);
      assertThat(lines).hasSize(LOADS);
    }
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  /** The golden plan's first move 2000 times over 32 destination hosts, back to back per host. */
  static String largePlan() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode golden;
    try (InputStream in =
        ConsolePageLoadMeasurement.class.getResourceAsStream("/golden/plan.json")) {
      golden = json.readTree(in);
    }
    ObjectNode plan = golden.deepCopy();
    ArrayNode moves = plan.putArray("moves");
    double[] free = new double[32];
    for (int i = 0; i < MOVES; i++) {
      ObjectNode move = golden.at("/moves/0").deepCopy();
      int host = i % 32;
      double duration = 60 + (i * 37 % 500);
      move.put("vmUuid", String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", i));
      move.put("vmName", String.format(Locale.ROOT, "vm-%04d", i));
      move.put("destinationHostName", "b" + (host + 1));
      move.put("sourceHostName", "a" + (i % 64 + 1));
      ObjectNode schedule = (ObjectNode) move.get("schedule");
      schedule.put("sequence", i).put("slot", i % 3);
      schedule.put("startSeconds", free[host]).put("durationSeconds", duration);
      free[host] += duration;
      moves.add(move);
    }
    double makespan = 0;
    for (double end : free) {
      makespan = Math.max(makespan, end);
    }
    ((ObjectNode) plan.get("schedule")).put("makespanSeconds", makespan);
    return json.writeValueAsString(plan);
  }

  private static void insert(Path database, String id, String planJson) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO api_plans (id, created_at, status, kind, plan_json, moves, blocked)"
                    + " VALUES (?, ?, 'DRAFT', 'vm-migrate', ?, ?, 0)")) {
      insert.setString(1, id);
      insert.setString(2, Instant.now().toString());
      insert.setString(3, planJson);
      insert.setInt(4, MOVES);
      insert.executeUpdate();
    }
  }
}
