package io.xemigrate.storage.mapping;

/**
 * Where one disk goes, and why.
 *
 * @param vdiUuid the disk
 * @param ownerUuid the VM or snapshot whose VBD holds the disk
 * @param snapshot whether the disk belongs to a snapshot (it is copied, not mirrored)
 * @param sourceSrUuid the SR the disk is on now
 * @param destinationSrUuid the SR it goes to (equal to the source SR when it stays in place)
 * @param rule the rule that chose the SR
 * @param moves whether the disk is copied at all
 * @param bytesOnDestination the space the copy takes on the destination SR (0 when it stays)
 * @param reason one plain sentence that explains the choice
 */
public record DiskMapping(
    String vdiUuid,
    String ownerUuid,
    boolean snapshot,
    String sourceSrUuid,
    String destinationSrUuid,
    DiskMappingRule rule,
    boolean moves,
    long bytesOnDestination,
    String reason) {}
