package io.xemigrate.storage.mapping;

/**
 * A disk for which no rule found a destination SR.
 *
 * @param ownerUuid the VM or snapshot whose VBD holds the disk
 * @param reason one plain sentence: what was tried
 */
public record UnmappedDisk(String vdiUuid, String ownerUuid, boolean snapshot, String reason) {}
