package io.xemigrate.simulator.wire;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * The serialised form of each stored record, per wire format. A record's field map is immutable and
 * replaced on every change, so its identity is a safe cache key (weak keys compare by identity); a
 * changed object simply misses. This keeps a 5000-VM {@code get_all_records} to string copying
 * after the first call.
 */
final class RecordCache {
  /** Maps this large or larger are records; smaller ones are cheaper to write than to look up. */
  static final int MIN_FIELDS = 6;

  private final Cache<ImmutableMap<?, ?>, String> cache =
      CacheBuilder.newBuilder().weakKeys().maximumSize(500_000).build();

  boolean applies(Object value) {
    return value instanceof ImmutableMap<?, ?> map && map.size() >= MIN_FIELDS;
  }

  String get(ImmutableMap<?, ?> record, Callable<String> encode) {
    try {
      return cache.get(record, encode);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot encode a record", e.getCause());
    }
  }
}
