package io.xemigrate.network.mapping;

/**
 * A VIF for which no rule found a destination network: a blocker, never a silent move to the
 * management network.
 *
 * @param reason one plain sentence: what was tried
 */
public record UnmappedNic(
    String vifUuid,
    String ownerUuid,
    boolean snapshot,
    String mac,
    String sourceNetworkUuid,
    String reason) {}
