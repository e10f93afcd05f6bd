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
 * @param count how many requests {@link FaultKind#RESET_RPC_CONNECTIONS} resets
 * @param afterDispatch whether those requests run before their connection is reset
 * @param method the only method whose requests are reset ({@code VM.migrate_send} also matches its
 *     {@code Async.} form); null or empty for every request
 */
public record Fault(
    FaultKind kind,
    String target,
    double seconds,
    double factor,
    long bytes,
    int count,
    boolean afterDispatch,
    String method) {

  public Fault {
    method = method == null ? "" : method;
    if (kind == null || target == null) {
      throw new IllegalArgumentException("a fault needs a kind and a target");
    }
    if (kind == FaultKind.SLOW_NIC && !(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException("a slow NIC needs a factor in (0, 1]");
    }
    if (kind == FaultKind.RESET_RPC_CONNECTIONS && count < 1) {
      throw new IllegalArgumentException("a connection reset needs a count of at least 1");
    }
  }

  /** A fault without a reset count (every kind but {@link FaultKind#RESET_RPC_CONNECTIONS}). */
  public Fault(FaultKind kind, String target, double seconds, double factor, long bytes) {
    this(kind, target, seconds, factor, bytes, 0, false, "");
  }

  /** A one-shot migration fault for one VM ({@code *} for any). */
  public static Fault migration(FaultKind kind, String vmUuid) {
    return new Fault(kind, vmUuid, 0, 1, 0);
  }

  /** Resets the connections of the next {@code count} requests to a host's endpoint. */
  public static Fault resetConnections(String hostUuid, int count, boolean afterDispatch) {
    return resetConnections(hostUuid, "", count, afterDispatch);
  }

  /** Resets the connections of the next {@code count} calls of {@code method} to a host. */
  public static Fault resetConnections(
      String hostUuid, String method, int count, boolean afterDispatch) {
    return new Fault(
        FaultKind.RESET_RPC_CONNECTIONS, hostUuid, 0, 1, 0, count, afterDispatch, method);
  }

  boolean appliesToVm(String vmUuid) {
    return target.equals("*") || target.equals(vmUuid);
  }
}
