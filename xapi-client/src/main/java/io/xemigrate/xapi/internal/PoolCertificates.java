package io.xemigrate.xapi.internal;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Optional;

/**
 * The host certificates a pool publishes ({@code Certificate} records of type {@code host}, xapi's
 * {@code ocaml/idl/datamodel_certificate.ml}), keyed by the host's address. Read over a session on
 * a trusted master, they extend the trust in the master to the members: a failover to a member, or
 * a member's address, is trusted when it presents the certificate the pool lists for it.
 * Thread-safe; empty until learned.
 */
final class PoolCertificates {
  private volatile ImmutableMap<String, String> byAddress = ImmutableMap.of();

  /** The fingerprint the pool lists for {@code bareHost} (an address as {@code host.address}). */
  Optional<String> listedFor(String bareHost) {
    return Optional.ofNullable(byAddress.get(bareHost));
  }

  int size() {
    return byAddress.size();
  }

  /**
   * Replaces what is known from raw {@code Certificate.get_all_records} and {@code
   * host.get_all_records} answers.
   */
  void learn(Object certificateRecords, Object hostRecords) {
    ImmutableMap.Builder<String, String> learned = ImmutableMap.builder();
    Map<?, ?> hosts = hostRecords instanceof Map<?, ?> map ? map : Map.of();
    if (certificateRecords instanceof Map<?, ?> certificates) {
      for (Object value : certificates.values()) {
        if (value instanceof Map<?, ?> certificate
            && "host".equals(certificate.get("type"))
            && hosts.get(certificate.get("host")) instanceof Map<?, ?> host
            && host.get("address") instanceof String address
            && !address.isEmpty()
            && certificate.get("fingerprint_sha256") instanceof String fingerprint
            && !fingerprint.isEmpty()) {
          learned.put(address, Fingerprints.display(fingerprint));
        }
      }
    }
    byAddress = learned.buildKeepingLast();
  }
}
