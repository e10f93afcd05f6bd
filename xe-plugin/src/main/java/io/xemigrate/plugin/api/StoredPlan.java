package io.xemigrate.plugin.api;

import java.time.Instant;
import java.util.Optional;

/**
 * A plan made through the API, as {@link PlanStore} keeps it.
 *
 * @param kind {@code vm-migrate} or {@code host-evacuate}
 * @param planJson the scheduled plan ({@code PlanJson.canonical}); plans hold no secrets
 * @param runId the run that applied it, once applied
 */
record StoredPlan(
    String id,
    Instant createdAt,
    Status status,
    String kind,
    String planJson,
    int moves,
    int blocked,
    Optional<String> runId) {

  /** draft -> approved -> applied; only an approved plan may be applied, and only once. */
  enum Status {
    DRAFT,
    APPROVED,
    APPLIED
  }
}
