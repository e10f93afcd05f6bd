package io.xemigrate.xapi.internal;

import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiErrors;
import io.xemigrate.xapi.XapiEventListener;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLHandshakeException;

/**
 * One host's XenAPI over HTTPS: JSON-RPC at {@code /jsonrpc}, or XML-RPC at {@code /} when the host
 * answers 404 there (then for good). Apache XML-RPC never sees an answer.
 *
 * <p>{@link HttpClient} does not resend a POST on its own, so every resend decision is ours.
 */
final class HttpRpcChannel {
  private final Endpoint endpoint;
  private final HttpClient http;
  private final Duration callTimeout;
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean xmlRpc;

  HttpRpcChannel(
      Endpoint endpoint,
      TrustPolicy trust,
      XapiEventListener listener,
      Duration connectTimeout,
      Duration callTimeout) {
    this.endpoint = endpoint;
    this.callTimeout = callTimeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(TlsContexts.forEndpoint(endpoint.toString(), trust, listener))
            .build();
  }

  Endpoint endpoint() {
    return endpoint;
  }

  /** Whether this host turned out to lack JSON-RPC. */
  boolean usesXmlRpc() {
    return xmlRpc;
  }

  /**
   * Sends one call; returns xapi's result.
   *
   * @param extraWait added to the call timeout (event.from blocks server-side for its timeout)
   * @throws io.xemigrate.xapi.XapiException for an error answer
   * @throws TransportFailure when the exchange itself failed
   */
  Object call(String method, Object[] params, Duration extraWait) {
    if (!xmlRpc) {
      HttpResponse<byte[]> response =
          post(
              "/jsonrpc",
              "application/json",
              JsonRpcCodec.encodeRequest(method, params, ids.incrementAndGet()),
              method,
              extraWait);
      if (response.statusCode() != 404) {
        checkStatus(method, response);
        return JsonRpcCodec.decodeResponse(method, response.body());
      }
      // A 404 means the request was not processed, so sending it again as XML-RPC is safe.
      xmlRpc = true;
    }
    HttpResponse<byte[]> response =
        post("/", "text/xml", XmlRpcWriter.encodeRequest(method, params), method, extraWait);
    checkStatus(method, response);
    return XmlRpcReader.decodeResponse(method, response.body());
  }

  private static void checkStatus(String method, HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw XapiErrors.client(
          method, XapiErrors.BAD_RESPONSE, "HTTP status " + response.statusCode(), null);
    }
  }

  private HttpResponse<byte[]> post(
      String path, String contentType, byte[] body, String method, Duration extraWait) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("https://" + endpoint + path))
            .timeout(callTimeout.plus(extraWait))
            .header("Content-Type", contentType)
            .header("User-Agent", "xe-migrate")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportFailure(method + " interrupted", true, false, e);
    } catch (IOException e) {
      throw classify(method, e);
    }
  }

  /** Tells "never left" (connect refused, TLS refused) from "may have reached the server". */
  private TransportFailure classify(String method, IOException e) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof FingerprintMismatchException mismatch) {
        throw XapiErrors.client(
            method, XapiErrors.TLS_FINGERPRINT_MISMATCH, mismatch.getMessage(), null);
      }
      cause = cause.getCause();
    }
    if (e instanceof SSLHandshakeException) {
      throw XapiErrors.client(
          method,
          XapiErrors.TLS_UNTRUSTED,
          "certificate of " + endpoint + " not trusted: " + e.getMessage(),
          null);
    }
    if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
      return new TransportFailure(
          "cannot connect to " + endpoint + ": " + e.getClass().getSimpleName(), false, true, e);
    }
    return new TransportFailure(
        "connection to "
            + endpoint
            + " failed: "
            + e.getClass().getSimpleName()
            + " "
            + e.getMessage(),
        true,
        false,
        e);
  }
}
