package io.xemigrate.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/plans/{id}/timeline}: what the console draws of a plan, without the maps and
 * placement scores that make a 2000-move plan 5 MB: per scheduled move its hosts, transfer network,
 * predicted start, duration, pause and convergence (and p10/p50/p90 durations when the plan has
 * them, p50 being the duration); per blocked VM its findings. A plan's document never changes once
 * stored, so the last few are kept.
 */
final class PlanTimeline {
  private static final int KEPT = 8;

  private final Map<String, ObjectNode> kept =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
          return size() > KEPT;
        }
      };

  /** The plan's summary (status, run) as now, with its timeline. */
  JsonNode of(StoredPlan plan, ObjectNode summary) {
    ObjectNode timeline;
    synchronized (kept) {
      timeline = kept.get(plan.id());
    }
    if (timeline == null) {
      timeline = timeline(ApiJson.parse(plan.planJson()));
      synchronized (kept) {
        kept.put(plan.id(), timeline);
      }
    }
    return summary.setAll(timeline);
  }

  private static ObjectNode timeline(JsonNode plan) {
    ObjectNode answer = ApiJson.object();
    answer.put("source", plan.at("/source/poolName").asText());
    answer.put("destination", plan.at("/destination/poolName").asText());
    answer.set("schedule", plan.path("schedule"));
    answer.set("findings", plan.path("findings"));
    ArrayNode scheduled = answer.putArray("scheduled");
    ArrayNode blocked = answer.putArray("blockedVms");
    for (JsonNode move : plan.path("moves")) {
      JsonNode schedule = move.path("schedule");
      if (!move.path("verdict").asText().equals("OK")) {
        blocked
            .addObject()
            .put("vm", move.path("vmUuid").asText())
            .put("vmName", move.path("vmName").asText())
            .set("findings", move.path("findings"));
      } else if (schedule.path("sequence").asInt(-1) >= 0) {
        ObjectNode bar =
            scheduled
                .addObject()
                .put("vm", move.path("vmUuid").asText())
                .put("vmName", move.path("vmName").asText())
                .put("sourceHost", move.path("sourceHostName").asText())
                .put("destinationHost", move.path("destinationHostName").asText())
                .put("transferNetworkUuid", move.path("transferNetworkUuid").asText())
                .put("start", schedule.path("startSeconds").asDouble())
                .put("duration", schedule.path("durationSeconds").asDouble())
                .put("downtime", schedule.path("downtimeSeconds").asDouble())
                .put("converged", schedule.path("converged").asBoolean());
        if (schedule.path("durationP10Seconds").isNumber()) {
          bar.put("p50", schedule.path("durationSeconds").asDouble());
        }
        copyIfPresent(schedule, "durationP10Seconds", bar, "p10");
        copyIfPresent(schedule, "durationP90Seconds", bar, "p90");
      }
    }
    return answer;
  }

  private static void copyIfPresent(JsonNode from, String field, ObjectNode to, String name) {
    if (from.path(field).isNumber()) {
      to.put(name, from.path(field).asDouble());
    }
  }
}
