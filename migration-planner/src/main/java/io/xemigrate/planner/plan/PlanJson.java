package io.xemigrate.planner.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The plan's JSON form. Canonical: properties and map keys sorted, no insignificant whitespace in
 * {@link #canonical}, so equal plans give equal bytes (and equal hashes).
 */
public final class PlanJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private PlanJson() {}

  /** Compact canonical JSON, the input of {@link PlanHash}. */
  public static String canonical(MigrationPlan plan) {
    try {
      return MAPPER.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan is always serialisable", e);
    }
  }

  /** Indented JSON for a file a person may read. */
  public static String pretty(MigrationPlan plan) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan is always serialisable", e);
    }
  }

  /**
   * Reads a plan.
   *
   * @throws IllegalArgumentException when the text is not a plan, or its format is newer than this
   *     reader
   */
  public static MigrationPlan read(String json) {
    MigrationPlan plan;
    try {
      plan = MAPPER.readValue(json, MigrationPlan.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a migration plan: " + e.getOriginalMessage(), e);
    }
    if (plan.formatVersion() > MigrationPlan.FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "plan format " + plan.formatVersion() + " is newer than " + MigrationPlan.FORMAT_VERSION);
    }
    return plan;
  }
}
