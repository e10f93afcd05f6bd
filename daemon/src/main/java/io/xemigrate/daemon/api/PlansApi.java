package io.xemigrate.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.planner.plan.CheckReport;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.planner.schedule.Objective;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/checks} and {@code /api/v1/plans}: check VMs, create a plan (the same requests as
 * {@code vm-migrate-plan}, {@code host-evacuate-plan} and {@code pool-balance-plan}), list, get and
 * approve plans.
 */
final class PlansApi {
  private static final ImmutableSet<String> CHECK_FIELDS =
      ImmutableSet.of("vms", "source", "destination", "destinationHost");
  private static final ImmutableSet<String> VM_MIGRATE_FIELDS =
      ImmutableSet.of("kind", "vms", "source", "destination", "destinationHost", "objective");
  private static final ImmutableSet<String> EVACUATE_FIELDS =
      ImmutableSet.of("kind", "hosts", "source", "destination", "maintenance", "objective");
  private static final ImmutableSet<String> BALANCE_FIELDS =
      ImmutableSet.of(
          "kind", "pool", "mode", "cpuThreshold", "memoryThreshold", "maxMoves", "window", "rules");

  /** The balance fields to the parameter names the command line uses. */
  private static final java.util.Map<String, String> BALANCE_PARAMETERS =
      java.util.Map.of(
          "mode", "mode",
          "cpu-threshold", "cpuThreshold",
          "memory-threshold", "memoryThreshold",
          "max-moves", "maxMoves",
          "window", "window");

  private final PlanFactory factory;
  private final PlanStore store;
  private final Clock clock;
  private final PlanTimeline timelines = new PlanTimeline();

  PlansApi(PlanFactory factory, PlanStore store, Clock clock) {
    this.factory = factory;
    this.store = store;
    this.clock = clock;
  }

  Reply check(ApiRequest request) {
    JsonBody body = request.json().allowOnly(CHECK_FIELDS);
    MigrationPlan plan =
        factory.vmMigrate(
            body.requiredStrings("vms"),
            body.optionalString("source"),
            body.optionalString("destination"),
            body.optionalString("destinationHost"),
            Objective.BALANCED);
    CheckReport report = CheckReport.of(plan);
    ObjectNode answer = ApiJson.object();
    answer.set("checks", ApiJson.tree(report.vms()));
    answer.put("allCanMove", report.allCanMove());
    return Reply.ok(answer);
  }

  /** The request's {@code objective}: makespan, downtime or balanced (the default). */
  private static Objective objective(JsonBody body) {
    return body.optionalString("objective")
        .map(
            value ->
                Objective.parse(value)
                    .orElseThrow(
                        () ->
                            new ApiException(
                                400,
                                "BAD_VALUE",
                                "field 'objective' is '"
                                    + value
                                    + "': give makespan, downtime or balanced")))
        .orElse(Objective.BALANCED);
  }

  Reply create(ApiRequest request) {
    JsonBody body = request.json();
    // The kind decides which fields are known; without a known kind, any field of either is.
    String kind =
        switch (body.optionalKind()) {
          case "vm-migrate" -> body.allowOnly(VM_MIGRATE_FIELDS).requiredString("kind");
          case "host-evacuate" -> body.allowOnly(EVACUATE_FIELDS).requiredString("kind");
          case "pool-balance" -> body.allowOnly(BALANCE_FIELDS).requiredString("kind");
          default -> body.allowOnly(union()).requiredString("kind");
        };
    Optional<StoredPlan.Evacuation> evacuation = Optional.empty();
    Objective objective = objective(body);
    MigrationPlan plan =
        switch (kind) {
          case "vm-migrate" -> {
            body.allowOnly(VM_MIGRATE_FIELDS);
            yield factory.vmMigrate(
                body.requiredStrings("vms"),
                body.optionalString("source"),
                body.optionalString("destination"),
                body.optionalString("destinationHost"),
                objective);
          }
          case "host-evacuate" -> {
            body.allowOnly(EVACUATE_FIELDS);
            ImmutableList<String> hosts = body.requiredStrings("hosts");
            evacuation =
                Optional.of(
                    new StoredPlan.Evacuation(
                        hosts, body.optionalBoolean("maintenance").orElse(false)));
            yield factory.hostEvacuate(
                hosts,
                body.optionalString("source"),
                body.optionalString("destination"),
                objective);
          }
          case "pool-balance" -> {
            String pool = body.requiredString("pool");
            yield factory
                .poolBalance(
                    pool,
                    key -> body.optionalScalar(BALANCE_PARAMETERS.get(key)),
                    body.optionalString("rules"))
                .orElseThrow(
                    () ->
                        new ApiException(
                            422,
                            "NOTHING_TO_MOVE",
                            "pool "
                                + pool
                                + " needs no move: every host is under the thresholds"
                                + " (and, for density, no host can be emptied)"));
          }
          default ->
              throw new ApiException(
                  400,
                  "BAD_VALUE",
                  "field 'kind' is '" + kind + "': give vm-migrate, host-evacuate or pool-balance");
        };
    int movable = (int) plan.movableCount();
    StoredPlan stored =
        new StoredPlan(
            "plan-" + UUID.randomUUID().toString().substring(0, 13),
            clock.instant(),
            StoredPlan.Status.DRAFT,
            kind,
            PlanJson.canonical(plan),
            plan.moves().size(),
            plan.moves().size() - movable,
            Optional.empty(),
            evacuation);
    store.create(stored);
    return new Reply.Json(201, full(stored));
  }

  Reply list(ApiRequest request) {
    ObjectNode answer = ApiJson.object();
    ArrayNode plans = answer.putArray("plans");
    store.list().forEach(plan -> plans.add(summary(plan)));
    return Reply.ok(answer);
  }

  Reply get(ApiRequest request) {
    return Reply.ok(full(find(request.pathParameter("id"))));
  }

  Reply timeline(ApiRequest request) {
    StoredPlan plan = find(request.pathParameter("id"));
    return Reply.ok(timelines.of(plan, summary(plan)));
  }

  Reply approve(ApiRequest request) {
    String id = request.pathParameter("id");
    StoredPlan plan = find(id);
    if (plan.status() == StoredPlan.Status.DRAFT && !store.approve(id)) {
      plan = find(id);
    }
    if (plan.status() == StoredPlan.Status.APPLIED) {
      throw new ApiException(
          409,
          "CONFLICT",
          "plan "
              + id
              + " was already applied as "
              + plan.runId().orElse("a run")
              + ": make a new plan");
    }
    return Reply.ok(summary(find(id)));
  }

  StoredPlan find(String id) {
    return store
        .get(id)
        .orElseThrow(
            () ->
                new ApiException(
                    404, "NOT_FOUND", "no plan '" + id + "': GET /api/v1/plans lists the plans"));
  }

  static String status(StoredPlan plan) {
    return plan.status().name().toLowerCase(Locale.ROOT);
  }

  private static ObjectNode summary(StoredPlan plan) {
    ObjectNode node =
        ApiJson.object()
            .put("id", plan.id())
            .put("kind", plan.kind())
            .put("status", status(plan))
            .put("createdAt", plan.createdAt().toString())
            .put("moves", plan.moves())
            .put("blocked", plan.blocked());
    plan.runId().ifPresent(run -> node.put("run", run));
    return node;
  }

  private static JsonNode full(StoredPlan plan) {
    ObjectNode node = summary(plan);
    node.set("plan", ApiJson.parse(plan.planJson()));
    return node;
  }

  private static ImmutableSet<String> union() {
    return ImmutableSet.<String>builder()
        .addAll(VM_MIGRATE_FIELDS)
        .addAll(EVACUATE_FIELDS)
        .addAll(BALANCE_FIELDS)
        .build();
  }
}
