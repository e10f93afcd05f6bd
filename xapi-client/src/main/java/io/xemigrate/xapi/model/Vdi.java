package io.xemigrate.xapi.model;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/**
 * A virtual disk image.
 *
 * @param virtualSize bytes the guest sees
 * @param physicalUtilisation bytes it takes on its SR (what a copy moves)
 * @param type xapi's vdi_type ({@code user}, {@code system}, {@code suspend}, {@code cbt_metadata})
 * @param snapshotOfUuid for a snapshot disk, the VDI it was taken of; otherwise {@code ""}
 * @param smConfig sm_config, including {@code key_hash} for encrypted disks
 * @param currentOperations operations in progress on the disk
 */
public record Vdi(
    String uuid,
    String nameLabel,
    String srUuid,
    long virtualSize,
    long physicalUtilisation,
    String type,
    boolean isASnapshot,
    String snapshotOfUuid,
    boolean cbtEnabled,
    boolean sharable,
    boolean readOnly,
    ImmutableMap<String, String> smConfig,
    ImmutableSet<String> currentOperations) {}
