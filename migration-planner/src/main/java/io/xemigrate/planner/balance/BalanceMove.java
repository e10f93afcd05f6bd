package io.xemigrate.planner.balance;

/**
 * One VM to move inside the pool.
 *
 * @param bytes the VM's memory: what the move copies (its disks stay on their shared SRs)
 */
public record BalanceMove(
    String vmUuid, String vmName, String fromHostUuid, String toHostUuid, long bytes) {}
