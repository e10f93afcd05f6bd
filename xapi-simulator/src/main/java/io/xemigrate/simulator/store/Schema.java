package io.xemigrate.simulator.store;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of every stored class with their kinds and defaults, read from {@code schema.tsv}. The
 * field list is the one the official SDK 8.1.0 reads, so a record built from the defaults plus the
 * scenario's values always parses.
 */
public final class Schema {
  /** One field: its name, kind and the value a new object gets. */
  public record Field(String name, FieldKind kind, Object defaultValue) {}

  private static final Schema INSTANCE = load();

  private final ImmutableMap<XapiClass, ImmutableMap<String, Field>> fields;

  private Schema(ImmutableMap<XapiClass, ImmutableMap<String, Field>> fields) {
    this.fields = fields;
  }

  public static Schema get() {
    return INSTANCE;
  }

  /** The fields of {@code cls} in the SDK's order. */
  public ImmutableMap<String, Field> fields(XapiClass cls) {
    return fields.get(cls);
  }

  /** The defaults of every field of {@code cls}. */
  public ImmutableMap<String, Object> defaults(XapiClass cls) {
    ImmutableMap.Builder<String, Object> builder = ImmutableMap.builder();
    fields.get(cls).forEach((name, field) -> builder.put(name, field.defaultValue()));
    return builder.buildOrThrow();
  }

  private static Schema load() {
    Map<XapiClass, LinkedHashMap<String, Field>> byClass = new EnumMap<>(XapiClass.class);
    try (InputStream in = Schema.class.getResourceAsStream("schema.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> parts = ImmutableList.copyOf(line.split("\t"));
        XapiClass cls = XapiClass.byName(parts.get(0)).orElseThrow();
        Field field = parse(parts.get(1), parts.get(2));
        byClass.computeIfAbsent(cls, c -> new LinkedHashMap<>()).put(field.name(), field);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImmutableMap.Builder<XapiClass, ImmutableMap<String, Field>> builder = ImmutableMap.builder();
    for (XapiClass cls : XapiClass.values()) {
      builder.put(cls, ImmutableMap.copyOf(byClass.get(cls)));
    }
    return new Schema(builder.buildOrThrow());
  }

  private static Field parse(String name, String kindText) {
    int colon = kindText.indexOf(':');
    String kindName = colon < 0 ? kindText : kindText.substring(0, colon);
    FieldKind kind = FieldKind.valueOf(kindName.toUpperCase(Locale.ROOT));
    Object value =
        switch (kind) {
          case STRING -> "";
          case INT -> 0L;
          case FLOAT -> 0.0;
          case BOOL -> false;
          case DATETIME -> Instant.EPOCH;
          case SET -> ImmutableList.of();
          case MAP -> ImmutableMap.of();
          case REF -> Refs.NULL;
          case ENUM -> kindText.substring(colon + 1);
        };
    return new Field(name, kind, value);
  }
}
