package io.xemigrate.xapi;

import com.google.common.collect.ImmutableMap;

/**
 * What {@code VM.assert_can_migrate} and {@code VM.migrate_send} are asked, by UUID.
 *
 * @param vmUuid the VM to move (in the source pool)
 * @param live whether to move it running
 * @param vdiMap source VDI UUID to destination SR UUID (every disk,
 *     docs/xapi-behaviour.md#assert-can-migrate A4)
 * @param vifMap source VIF UUID to destination network UUID (cross-pool only; empty inside a pool)
 * @param options {@code force}, {@code copy}, {@code compress}
 */
public record MigrationSpec(
    String vmUuid,
    boolean live,
    ImmutableMap<String, String> vdiMap,
    ImmutableMap<String, String> vifMap,
    ImmutableMap<String, String> options) {}
