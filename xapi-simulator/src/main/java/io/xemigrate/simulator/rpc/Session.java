package io.xemigrate.simulator.rpc;

/**
 * A logged-in session as the dispatcher sees it. The ref is a bearer credential: never log it.
 *
 * @param pool whether it is an internal (pool) session, accepted by members too
 */
public record Session(String ref, String user, Role role, String originator, boolean pool) {
  @Override
  public String toString() {
    return "Session[user=" + user + ", role=" + role + "]";
  }
}
