package io.xemigrate.xapi.internal;

import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiErrors;
import io.xemigrate.xapi.XapiEventListener;
import io.xemigrate.xapi.model.RrdUpdates;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;

/**
 * {@code GET /rrd_updates} on one host, over the same TLS trust as the RPC channel and with the
 * pool session in the query (xapi's {@code Xapi_http} reads {@code session_id} there). The session
 * is never put in an error or a log line.
 */
final class RrdChannel {
  private static final String WHAT = "rrd_updates";

  /** A host with a few hundred VMs exports a few megabytes per hour of 5-s rows. */
  static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

  private final Endpoint endpoint;
  private final HttpClient http;
  private final Duration timeout;

  RrdChannel(
      Endpoint endpoint,
      TrustPolicy trust,
      PoolCertificates poolCertificates,
      XapiEventListener listener,
      Duration connectTimeout,
      Duration timeout) {
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.http = TlsContexts.httpClient(endpoint, trust, poolCertificates, listener, connectTimeout);
  }

  /**
   * The rows since {@code startSeconds} (Unix seconds; negative: relative to the host's last
   * update) at {@code intervalSeconds} resolution, host sources included.
   */
  RrdUpdates fetch(String hostUuid, String session, long startSeconds, long intervalSeconds) {
    String query =
        "session_id="
            + URLEncoder.encode(session, StandardCharsets.UTF_8)
            + "&start="
            + startSeconds
            + "&cf=AVERAGE&interval="
            + intervalSeconds
            + "&host=true";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("https://" + endpoint + "/rrd_updates?" + query))
            .timeout(timeout)
            .header("User-Agent", "xe-migrate")
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      byte[] body = bounded(response.body());
      int status = response.statusCode();
      if (status == 401 || status == 403) {
        throw XapiErrors.client(
            WHAT,
            XapiErrors.BAD_RESPONSE,
            endpoint + " refused the session (HTTP " + status + ")",
            null);
      }
      if (status != 200) {
        throw XapiErrors.client(WHAT, XapiErrors.BAD_RESPONSE, "HTTP status " + status, null);
      }
      return XportReader.read(hostUuid, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw XapiErrors.client(WHAT, XapiErrors.TRANSPORT, "interrupted", null);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private static byte[] bounded(InputStream body) throws IOException {
    try (body) {
      byte[] bytes = body.readNBytes(MAX_RESPONSE_BYTES + 1);
      if (bytes.length > MAX_RESPONSE_BYTES) {
        throw XapiErrors.client(
            WHAT,
            XapiErrors.BAD_RESPONSE,
            "answer larger than " + MAX_RESPONSE_BYTES + " bytes",
            null);
      }
      return bytes;
    }
  }

  private RuntimeException failure(IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof FingerprintMismatchException mismatch) {
        return XapiErrors.client(
            WHAT, XapiErrors.TLS_FINGERPRINT_MISMATCH, mismatch.getMessage(), null);
      }
    }
    if (e instanceof SSLHandshakeException) {
      return XapiErrors.client(
          WHAT, XapiErrors.TLS_UNTRUSTED, "certificate of " + endpoint + " not trusted", null);
    }
    return XapiErrors.client(
        WHAT,
        XapiErrors.TRANSPORT,
        "connection to " + endpoint + " failed: " + e.getClass().getSimpleName(),
        null);
  }
}
