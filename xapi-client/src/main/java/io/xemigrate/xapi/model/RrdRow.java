package io.xemigrate.xapi.model;

import com.google.common.collect.ImmutableList;

/**
 * One row of an RRD export: the end of its consolidation step (Unix seconds) and one value per
 * column ({@code NaN} where xcp-rrdd had no data).
 */
public record RrdRow(long timeSeconds, ImmutableList<Double> values) {}
