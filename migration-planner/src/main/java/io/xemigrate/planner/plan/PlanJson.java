package io.xemigrate.planner.plan;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.stream.Collectors;

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
      throw new IllegalArgumentException("not a migration plan: " + problem(e), e);
    } catch (RuntimeException e) {
      // A record's own check (a missing list) thrown through the mapper.
      throw new IllegalArgumentException("not a migration plan: a required field is missing", e);
    }
    if (plan == null) {
      throw new IllegalArgumentException("not a migration plan: the file holds no plan object");
    }
    if (plan.formatVersion() > MigrationPlan.FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "plan format " + plan.formatVersion() + " is newer than " + MigrationPlan.FORMAT_VERSION);
    }
    return plan;
  }

  /**
   * What was wrong, in the plan's own terms: where (line, column, field) and which kind of mistake,
   * never the mapper's words (they name Java classes).
   */
  private static String problem(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    if (e instanceof JsonParseException
        || e instanceof StreamReadException
        || e.getCause() instanceof StreamReadException) {
      return "not valid JSON" + where;
    }
    if (e instanceof JsonMappingException bind) {
      String field = fieldOf(bind.getPath());
      if (e instanceof MismatchedInputException && bind.getPath().isEmpty()) {
        return "expected a JSON object with the plan's fields" + where;
      }
      if (e instanceof ValueInstantiationException) {
        return "a required field is missing" + (field.isEmpty() ? "" : " in '" + field + "'");
      }
      return (field.isEmpty() ? "a value" : "the value of '" + field + "'")
          + " has the wrong type"
          + where;
    }
    return "unreadable" + where;
  }

  private static String fieldOf(List<JsonMappingException.Reference> path) {
    return path.stream()
        .map(
            reference ->
                reference.getFieldName() != null
                    ? reference.getFieldName()
                    : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
