package io.xemigrate.network.mapping;

/**
 * The network that carries disk and memory traffic to the destination hosts.
 *
 * @param networkUuid the network, or {@code ""} when the pool has none at all
 * @param reason one plain sentence that explains the choice
 */
public record TransferNetworkChoice(String networkUuid, TransferNetworkRule rule, String reason) {}
