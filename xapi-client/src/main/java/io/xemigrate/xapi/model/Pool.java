package io.xemigrate.xapi.model;

import com.google.common.collect.ImmutableMap;

/**
 * A pool: its master and its default SR ({@code ""} when none).
 *
 * @param otherConfig the pool's other_config map
 */
public record Pool(
    String uuid,
    String nameLabel,
    String masterHostUuid,
    String defaultSrUuid,
    ImmutableMap<String, String> otherConfig) {}
