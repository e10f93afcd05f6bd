package io.xemigrate.simulator.store;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * What one scan of the store found for {@code event.from}: the events, the row count of every
 * table, and the generation to continue from.
 */
public record EventBatch(
    ImmutableList<Event> events,
    ImmutableMap<XapiClass, Integer> validRefCounts,
    long generation) {}
