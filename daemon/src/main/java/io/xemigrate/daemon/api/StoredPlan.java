package io.xemigrate.daemon.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A plan made through the API, as {@link PlanStore} keeps it.
 *
 * @param kind {@code vm-migrate} or {@code host-evacuate}
 * @param planJson the scheduled plan ({@code PlanJson.canonical}); plans hold no secrets
 * @param runId the run that applied it, once applied
 * @param evacuation for a {@code host-evacuate} plan, the hosts as given and whether they stay in
 *     maintenance mode: applying it disables them first, as {@code host-evacuate} does
 */
record StoredPlan(
    String id,
    Instant createdAt,
    Status status,
    String kind,
    String planJson,
    int moves,
    int blocked,
    Optional<String> runId,
    Optional<Evacuation> evacuation) {

  /** The hosts of an evacuation (UUIDs or name-labels, as the request gave them). */
  record Evacuation(List<String> hosts, boolean maintenance) {
    Evacuation {
      hosts = List.copyOf(hosts);
    }
  }

  /** draft -> approved -> applied; only an approved plan may be applied, and only once. */
  enum Status {
    DRAFT,
    APPROVED,
    APPLIED
  }
}
