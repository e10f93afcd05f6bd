package io.xemigrate.planner.predict;

/** A directed pair of hosts: the sender and the receiver of a move. */
public record HostPair(String sourceHostUuid, String destinationHostUuid) {}
