package io.xemigrate.network.mapping;

/**
 * Where one VIF goes, and why.
 *
 * @param ownerUuid the VM or snapshot the VIF belongs to
 * @param snapshot whether the owner is a snapshot
 * @param reason one plain sentence that explains the choice
 */
public record NicMapping(
    String vifUuid,
    String ownerUuid,
    boolean snapshot,
    String mac,
    String device,
    String sourceNetworkUuid,
    String destinationNetworkUuid,
    NicMappingRule rule,
    String reason) {}
