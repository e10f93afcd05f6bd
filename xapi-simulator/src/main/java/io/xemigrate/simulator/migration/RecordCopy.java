package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.store.FieldKind;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.Schema;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Copies a record into another pool the way an export/import does: plain values travel, every
 * reference is cleared (refs are meaningless in the other database) and the named sets of refs
 * start empty, to be rebuilt by the store's two-sided links.
 */
final class RecordCopy {
  private RecordCopy() {}

  static Map<String, Object> copy(
      XapiRecord record, Set<String> emptied, Map<String, Object> overrides) {
    Map<String, Object> fields = new LinkedHashMap<>();
    Map<String, Object> defaults = Schema.get().defaults(record.cls());
    Schema.get()
        .fields(record.cls())
        .forEach(
            (name, field) -> {
              if (overrides.containsKey(name)) {
                fields.put(name, overrides.get(name));
              } else if (field.kind() == FieldKind.REF) {
                fields.put(name, Refs.NULL);
              } else if (emptied.contains(name)) {
                fields.put(name, defaults.get(name));
              } else {
                fields.put(name, record.get(name));
              }
            });
    return fields;
  }
}
