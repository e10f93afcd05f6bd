package io.xemigrate.xapi.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What one {@code event.from} batch changed: references added or modified, UUIDs deleted. */
final class InventoryChanges {
  private final Map<String, Set<String>> changedRefs = new HashMap<>();
  private final Map<String, Set<String>> deletedUuids = new HashMap<>();

  void changed(String eventClass, String ref) {
    changedRefs.computeIfAbsent(eventClass, key -> new HashSet<>()).add(ref);
  }

  void deleted(String eventClass, String uuid) {
    deletedUuids.computeIfAbsent(eventClass, key -> new HashSet<>()).add(uuid);
  }

  Set<String> refs(String eventClass) {
    return changedRefs.getOrDefault(eventClass, Set.of());
  }

  Set<String> deletedUuids(String eventClass) {
    return deletedUuids.getOrDefault(eventClass, Set.of());
  }

  boolean isEmpty() {
    return changedRefs.isEmpty() && deletedUuids.isEmpty();
  }
}
