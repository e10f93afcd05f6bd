package io.xemigrate.simulator;

import com.google.common.collect.ImmutableList;

/**
 * Where a running simulator answers, in the shape of the endpoints file: {@code
 * {"pools":[{"name","uuid","master","username","password","tlsFingerprint","hosts":[…]}]}}. It
 * holds a password, so it is written to a file of the user's choosing and never logged.
 */
public record Endpoints(ImmutableList<PoolEndpoint> pools) {

  /** One pool: the master URL and the credentials of its first pool-admin user. */
  public record PoolEndpoint(
      String name,
      String uuid,
      String master,
      String username,
      String password,
      String tlsFingerprint,
      ImmutableList<HostEndpoint> hosts) {
    @Override
    public String toString() {
      return "PoolEndpoint[" + name + " at " + master + "]";
    }
  }

  /** One host's own endpoint. */
  public record HostEndpoint(String name, String uuid, String url, boolean master) {}

  public PoolEndpoint pool(String name) {
    return pools.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no pool " + name));
  }
}
