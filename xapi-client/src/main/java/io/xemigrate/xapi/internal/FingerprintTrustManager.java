package io.xemigrate.xapi.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server by the SHA-256 fingerprint of its leaf certificate: a fixed pin set, or the
 * known-pools file (trust on first use). It is an {@link X509ExtendedTrustManager} on purpose: in
 * JSSE the host-name check is done by the trust manager, so the pin replaces it (xapi's default
 * certificates are self-signed and need not name the address we use).
 */
final class FingerprintTrustManager extends X509ExtendedTrustManager {
  private final Endpoint endpoint;
  private final Set<String> pins;
  private final KnownPoolsFile knownPools;
  private final PoolCertificates poolCertificates;

  private FingerprintTrustManager(
      Endpoint endpoint,
      Set<String> pins,
      KnownPoolsFile knownPools,
      PoolCertificates poolCertificates) {
    this.endpoint = endpoint;
    this.pins = pins;
    this.knownPools = knownPools;
    this.poolCertificates = poolCertificates;
  }

  static FingerprintTrustManager pinned(
      Endpoint endpoint, Set<String> compactPins, PoolCertificates poolCertificates) {
    return new FingerprintTrustManager(endpoint, compactPins, null, poolCertificates);
  }

  static FingerprintTrustManager firstUse(
      Endpoint endpoint, KnownPoolsFile knownPools, PoolCertificates poolCertificates) {
    return new FingerprintTrustManager(endpoint, Set.of(), knownPools, poolCertificates);
  }

  private void verify(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server sent no certificate");
    }
    String seen = Fingerprints.sha256(chain[0]);
    var listed = poolCertificates.listedFor(endpoint.bareHost());
    if (listed.isPresent()) {
      verifyListed(listed.get(), seen);
      return;
    }
    if (knownPools == null) {
      if (!pins.contains(Fingerprints.compact(seen))) {
        throw new FingerprintMismatchException(
            "certificate of "
                + endpoint
                + " does not match the pin: pinned "
                + String.join(" or ", pins.stream().map(Fingerprints::display).sorted().toList())
                + ", server sent "
                + Fingerprints.display(seen));
      }
      return;
    }
    verifyKnown(seen);
  }

  /**
   * A host the pool lists: its certificate must be the listed one (the list came over a session on
   * a trusted master, so it carries that trust to the members). Trust on first use records it.
   */
  private void verifyListed(String listed, String seen) throws CertificateException {
    if (!Fingerprints.compact(listed).equals(Fingerprints.compact(seen))) {
      throw new FingerprintMismatchException(
          "certificate of "
              + endpoint
              + " is not the one its pool lists for that host: the pool lists "
              + Fingerprints.display(listed)
              + ", server sent "
              + Fingerprints.display(seen));
    }
    if (knownPools != null && knownPools.lookup(endpoint.toString()).isEmpty()) {
      knownPools.record(endpoint.toString(), seen);
    }
  }

  private void verifyKnown(String seen) throws CertificateException {
    String endpoint = this.endpoint.toString();
    var known = knownPools.lookup(endpoint);
    if (known.isEmpty()) {
      knownPools.record(endpoint, seen);
      return;
    }
    if (!Fingerprints.compact(known.get()).equals(Fingerprints.compact(seen))) {
      throw new FingerprintMismatchException(
          "certificate of "
              + endpoint
              + " changed: known "
              + Fingerprints.display(known.get())
              + ", now "
              + Fingerprints.display(seen)
              + "; if this is expected, remove the line for "
              + endpoint
              + " from "
              + knownPools.path());
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    verify(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    verify(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    verify(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("this trust manager only verifies servers");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("this trust manager only verifies servers");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("this trust manager only verifies servers");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
