package io.xemigrate.simulator.rpc;

import com.google.common.collect.ImmutableList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dispatch table: wire name to {@link MethodSpec}. Handler classes (one per area) add their
 * methods; a later registration of the same name replaces the earlier one, so the migration code
 * can override a stub. Thread-safe.
 */
public final class MethodRegistry {
  private final Map<String, MethodSpec> methods = new ConcurrentHashMap<>();

  /** Adds or replaces a method. */
  public MethodRegistry register(MethodSpec spec) {
    methods.put(spec.name(), spec);
    return this;
  }

  /** Looks a method up by its wire name without {@code Async.}. */
  public Optional<MethodSpec> find(String name) {
    return Optional.ofNullable(methods.get(name));
  }

  /** Every registered wire name, sorted. */
  public ImmutableList<String> names() {
    return methods.keySet().stream().sorted().collect(ImmutableList.toImmutableList());
  }

  public int size() {
    return methods.size();
  }
}
