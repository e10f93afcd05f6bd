package io.xemigrate.xapi.internal;

import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiEventListener;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** Builds the {@link SSLContext} for one endpoint from the trust policy. */
final class TlsContexts {
  private TlsContexts() {}

  /**
   * The HTTP/1.1 client every channel to {@code endpoint} uses (XenAPI calls, RRD updates): the
   * pool's trust, no redirect followed.
   */
  static HttpClient httpClient(
      Endpoint endpoint,
      TrustPolicy trust,
      PoolCertificates poolCertificates,
      XapiEventListener listener,
      Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(forEndpoint(endpoint, trust, poolCertificates, listener))
        .build();
  }

  static SSLContext forEndpoint(
      Endpoint endpoint,
      TrustPolicy policy,
      PoolCertificates poolCertificates,
      XapiEventListener listener) {
    try {
      // Java 17 has no pattern switch; TrustPolicy is sealed, so these four cases are all.
      TrustManager trustManager;
      if (policy instanceof TrustPolicy.Pinned pinned) {
        trustManager =
            FingerprintTrustManager.pinned(
                endpoint, compact(pinned.sha256Fingerprints()), poolCertificates);
      } else if (policy instanceof TrustPolicy.TrustOnFirstUse firstUse) {
        trustManager =
            FingerprintTrustManager.firstUse(
                endpoint, new KnownPoolsFile(firstUse.knownPoolsFile()), poolCertificates);
      } else if (policy instanceof TrustPolicy.Insecure) {
        listener.insecureTls(endpoint.toString());
        trustManager = new InsecureTrustManager();
      } else {
        trustManager = null;
      }
      if (trustManager == null) {
        return SSLContext.getDefault();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS", e);
    }
  }

  private static Set<String> compact(Set<String> fingerprints) {
    return fingerprints.stream().map(Fingerprints::compact).collect(Collectors.toSet());
  }
}
