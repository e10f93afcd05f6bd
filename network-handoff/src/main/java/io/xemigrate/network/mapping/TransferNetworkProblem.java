package io.xemigrate.network.mapping;

import com.google.common.collect.ImmutableList;

/**
 * Why a destination host cannot receive on a transfer network, as {@code host.migrate_receive}
 * would say it: {@code HOST_CANNOT_ATTACH_NETWORK [host; network]}, {@code
 * PIF_HAS_NO_NETWORK_CONFIGURATION [pif]} or {@code INTERFACE_HAS_NO_IP [pif]} (UUIDs stand for
 * references).
 */
public record TransferNetworkProblem(
    String code, ImmutableList<String> params, String hostUuid, String networkUuid) {}
