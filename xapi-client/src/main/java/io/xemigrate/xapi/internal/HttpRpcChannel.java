package io.xemigrate.xapi.internal;

import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiErrors;
import io.xemigrate.xapi.XapiEventListener;
import java.io.IOException;
import java.io.InputStream;
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
  /**
   * The largest answer read (a 5000-VM pool's VM records are tens of megabytes); a hostile or
   * broken server cannot exhaust the heap beyond this.
   */
  static final int DEFAULT_MAX_RESPONSE_BYTES = 512 * 1024 * 1024;

  private final int maxResponseBytes;
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
    this(
        endpoint,
        trust,
        new PoolCertificates(),
        listener,
        connectTimeout,
        callTimeout,
        DEFAULT_MAX_RESPONSE_BYTES);
  }

  HttpRpcChannel(
      Endpoint endpoint,
      TrustPolicy trust,
      XapiEventListener listener,
      Duration connectTimeout,
      Duration callTimeout,
      int maxResponseBytes) {
    this(
        endpoint,
        trust,
        new PoolCertificates(),
        listener,
        connectTimeout,
        callTimeout,
        maxResponseBytes);
  }

  /** A channel whose trust also accepts the certificates {@code poolCertificates} lists. */
  HttpRpcChannel(
      Endpoint endpoint,
      TrustPolicy trust,
      PoolCertificates poolCertificates,
      XapiEventListener listener,
      Duration connectTimeout,
      Duration callTimeout,
      int maxResponseBytes) {
    this.maxResponseBytes = maxResponseBytes;
    this.endpoint = endpoint;
    this.callTimeout = callTimeout;
    this.http = TlsContexts.httpClient(endpoint, trust, poolCertificates, listener, connectTimeout);
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

  /** Reads at most {@code maxResponseBytes}; a longer answer is refused. */
  private byte[] bounded(String method, InputStream body) throws IOException {
    try (body) {
      byte[] bytes = body.readNBytes(maxResponseBytes + 1);
      if (bytes.length > maxResponseBytes) {
        throw XapiErrors.client(
            method,
            XapiErrors.BAD_RESPONSE,
            "answer larger than " + maxResponseBytes + " bytes",
            null);
      }
      return bytes;
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
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      byte[] answer = bounded(method, response.body());
      return new BoundedResponse(response, answer);
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

  /** A response whose body was read under the size bound. */
  private record BoundedResponse(HttpResponse<InputStream> delegate, byte[] body)
      implements HttpResponse<byte[]> {
    @Override
    public int statusCode() {
      return delegate.statusCode();
    }

    @Override
    public HttpRequest request() {
      return delegate.request();
    }

    @Override
    public java.util.Optional<HttpResponse<byte[]>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      return delegate.headers();
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return delegate.sslSession();
    }

    @Override
    public URI uri() {
      return delegate.uri();
    }

    @Override
    public HttpClient.Version version() {
      return delegate.version();
    }
  }
}
