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
  private final String endpoint;
  private final Set<String> pins;
  private final KnownPoolsFile knownPools;

  private FingerprintTrustManager(String endpoint, Set<String> pins, KnownPoolsFile knownPools) {
    this.endpoint = endpoint;
    this.pins = pins;
    this.knownPools = knownPools;
  }

  static FingerprintTrustManager pinned(String endpoint, Set<String> compactPins) {
    return new FingerprintTrustManager(endpoint, compactPins, null);
  }

  static FingerprintTrustManager firstUse(String endpoint, KnownPoolsFile knownPools) {
    return new FingerprintTrustManager(endpoint, Set.of(), knownPools);
  }

  private void verify(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server sent no certificate");
    }
    String seen = Fingerprints.sha256(chain[0]);
    if (knownPools == null) {
      if (!pins.contains(Fingerprints.compact(seen))) {
        throw new FingerprintMismatchException(
            "certificate of "
                + endpoint
                + " does not match the pin: pinned SHA-256 "
                + String.join(" or ", pins.stream().map(Fingerprints::withColons).sorted().toList())
                + ", server sent "
                + seen);
      }
      return;
    }
    var known = knownPools.lookup(endpoint);
    if (known.isEmpty()) {
      knownPools.record(endpoint, seen);
      return;
    }
    if (!Fingerprints.compact(known.get()).equals(Fingerprints.compact(seen))) {
      throw new FingerprintMismatchException(
          "certificate of "
              + endpoint
              + " changed: known SHA-256 "
              + known.get()
              + ", now "
              + seen
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
