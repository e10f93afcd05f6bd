package io.xemigrate.simulator.migration;

/**
 * One fault to inject.
 *
 * @param kind what goes wrong
 * @param target a VM UUID (or {@code *}) for migration faults; a host UUID for connection, NIC,
 *     memory and master-failover faults (the new master); a pool name for toolstack restart and
 *     session expiry
 * @param seconds how long a timed fault lasts, in virtual seconds
 * @param factor the bandwidth multiplier of a slow NIC
 * @param bytes memory taken by {@link FaultKind#TAKE_DESTINATION_MEMORY}
 */
public record Fault(FaultKind kind, String target, double seconds, double factor, long bytes) {

  public Fault {
    if (kind == null || target == null) {
      throw new IllegalArgumentException("a fault needs a kind and a target");
    }
    if (kind == FaultKind.SLOW_NIC && !(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException("a slow NIC needs a factor in (0, 1]");
    }
  }

  /** A one-shot migration fault for one VM ({@code *} for any). */
  public static Fault migration(FaultKind kind, String vmUuid) {
    return new Fault(kind, vmUuid, 0, 1, 0);
  }

  boolean appliesToVm(String vmUuid) {
    return target.equals("*") || target.equals(vmUuid);
  }
}
