package io.xemigrate.planner.balance;

/**
 * A host's load, before or after a balance.
 *
 * @param cpuPercent share of its physical CPUs in use
 * @param memoryPercent share of its memory in use
 * @param vms the running guests on it
 */
public record HostLoad(
    String hostUuid, String hostName, double cpuPercent, double memoryPercent, int vms) {}
