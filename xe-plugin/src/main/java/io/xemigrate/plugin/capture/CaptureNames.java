package io.xemigrate.plugin.capture;

import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Names a scenario can refer to, by UUID. A scenario links objects by name and wants them unique
 * per pool, where a real pool often repeats one (every host's "Local storage"): a name that is
 * empty or appears more than once gets the first 8 characters of its object's UUID added, e.g.
 * {@code Local storage (3f2a9c1e)}. The UUIDs themselves are kept, so a plan of the capture names
 * the same objects as a plan of the pool.
 */
final class CaptureNames {
  private CaptureNames() {}

  static <T> ImmutableMap<String, String> of(
      Collection<T> objects, Function<T, String> uuid, Function<T, String> name) {
    Map<String, Integer> counts = new HashMap<>();
    objects.forEach(object -> counts.merge(name.apply(object), 1, Integer::sum));
    Map<String, String> names = new LinkedHashMap<>();
    for (T object : objects) {
      String label = name.apply(object);
      String id = uuid.apply(object);
      boolean unique = !label.isBlank() && counts.get(label) == 1;
      String shortId = id.length() > 8 ? id.substring(0, 8) : id;
      names.put(id, unique ? label : (label.isBlank() ? "" : label + " ") + "(" + shortId + ")");
    }
    return ImmutableMap.copyOf(names);
  }
}
