package io.xemigrate.daemon.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the HTTP API listens.
 *
 * @param host the address to bind; without TLS only a loopback address is accepted
 * @param port the port; 0 picks any free port ({@link ApiServer#port()} tells which)
 * @param tokenFile the file holding the bearer token on its first line
 * @param tls the PEM certificate chain and private key; empty means plain HTTP on loopback
 * @param maxBodyBytes the largest request body accepted (larger: 413)
 * @param readTimeout how long a connection may take to deliver a complete request (TLS handshake,
 *     headers, body) after opening or after its previous reply; then it is closed
 * @param maxConnections the most connections open at once; a new one beyond closes the oldest
 *     connection not serving a request, or is closed when all are
 */
public record ApiSettings(
    String host,
    int port,
    Path tokenFile,
    Optional<Tls> tls,
    int maxBodyBytes,
    Duration readTimeout,
    int maxConnections) {

  /** The default {@code maxBodyBytes}, as in the daemon configuration's example. */
  public static final int DEFAULT_MAX_BODY_BYTES = 65536;

  /** The default {@code readTimeout}. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The default {@code maxConnections}: well under a default file-descriptor limit (1024) and a
   * small one (300) beside what the JVM itself keeps open.
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 128;

  /** Default read timeout and connection limit. */
  public ApiSettings(String host, int port, Path tokenFile, Optional<Tls> tls, int maxBodyBytes) {
    this(host, port, tokenFile, tls, maxBodyBytes, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_CONNECTIONS);
  }

  public ApiSettings {
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("readTimeout must be positive");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1");
    }
  }

  /** Plain HTTP on 127.0.0.1, any free port, default body limit. */
  public static ApiSettings loopback(Path tokenFile) {
    return new ApiSettings("127.0.0.1", 0, tokenFile, Optional.empty(), DEFAULT_MAX_BODY_BYTES);
  }

  public ApiSettings withTls(Tls tls) {
    return new ApiSettings(
        host, port, tokenFile, Optional.of(tls), maxBodyBytes, readTimeout, maxConnections);
  }

  public ApiSettings withMaxBodyBytes(int max) {
    return new ApiSettings(host, port, tokenFile, tls, max, readTimeout, maxConnections);
  }

  public ApiSettings withReadTimeout(Duration timeout) {
    return new ApiSettings(host, port, tokenFile, tls, maxBodyBytes, timeout, maxConnections);
  }

  public ApiSettings withMaxConnections(int max) {
    return new ApiSettings(host, port, tokenFile, tls, maxBodyBytes, readTimeout, max);
  }

  /** PEM files: the certificate chain and its unencrypted PKCS#8 private key. */
  public record Tls(Path certificate, Path key) {}
}
