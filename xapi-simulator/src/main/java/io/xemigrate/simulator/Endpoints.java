package io.xemigrate.simulator;

import com.google.common.collect.ImmutableList;

/**
 * Where a running simulator answers, in the shape of the endpoints file: {@code
 * {"pools":[{"name","uuid","master","username","password","tlsFingerprint","hosts":[{"name",
 * "uuid","url","master","tlsFingerprint"}]}],"port"}}. It holds a password, so it is written to a
 * file of the user's choosing and never logged.
 *
 * @param port the one port every host serves on (each at its own address), as real hosts all serve
 *     on 443: a bare {@code host.address} means this port
 */
public record Endpoints(ImmutableList<PoolEndpoint> pools, int port) {

  /**
   * One pool: the master URL, the master's certificate fingerprint ({@code sha256:AA:BB:…}) and the
   * credentials of its first pool-admin user.
   */
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

  /** One host's own endpoint and the fingerprint of the certificate it presents. */
  public record HostEndpoint(
      String name, String uuid, String url, boolean master, String tlsFingerprint) {}

  public PoolEndpoint pool(String name) {
    return pools.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no pool " + name));
  }
}
