package io.xemigrate.simulator;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A client TLS context that trusts exactly the certificates named by their SHA-256 fingerprints.
 */
final class PinnedTls {
  private PinnedTls() {}

  static SSLContext trusting(String fingerprint) throws Exception {
    return trusting(Set.of(fingerprint));
  }

  /** Trusts every host of every pool: each presents its own certificate. */
  static SSLContext trustingAll(Endpoints endpoints) throws Exception {
    return trusting(
        endpoints.pools().stream()
            .flatMap(p -> p.hosts().stream())
            .map(Endpoints.HostEndpoint::tlsFingerprint)
            .collect(Collectors.toSet()));
  }

  static SSLContext trusting(Set<String> fingerprints) throws Exception {
    X509TrustManager pinned =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
          }

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType)
              throws java.security.cert.CertificateException {
            try {
              byte[] digest = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
              String seen =
                  "sha256:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
              if (!fingerprints.contains(seen)) {
                throw new java.security.cert.CertificateException("unexpected certificate " + seen);
              }
            } catch (java.security.NoSuchAlgorithmException e) {
              throw new java.security.cert.CertificateException(e);
            }
          }

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {pinned}, null);
    return context;
  }
}
