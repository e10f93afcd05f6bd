package io.xemigrate.daemon.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the HTTP API listens.
 *
 * @param host the address to bind; without TLS only a loopback address is accepted
 * @param port the port; 0 picks any free port ({@link ApiServer#port()} tells which)
 * @param tokenFile the file holding the bearer token on its first line
 * @param tls the PEM certificate chain and private key; empty means plain HTTP on loopback
 * @param maxBodyBytes the largest request body accepted (larger: 413)
 */
public record ApiSettings(
    String host, int port, Path tokenFile, Optional<Tls> tls, int maxBodyBytes) {

  /** The default {@code maxBodyBytes}, as in the daemon configuration's example. */
  public static final int DEFAULT_MAX_BODY_BYTES = 65536;

  public ApiSettings {
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
    return new ApiSettings(host, port, tokenFile, Optional.of(tls), maxBodyBytes);
  }

  public ApiSettings withMaxBodyBytes(int max) {
    return new ApiSettings(host, port, tokenFile, tls, max);
  }

  /** PEM files: the certificate chain and its unencrypted PKCS#8 private key. */
  public record Tls(Path certificate, Path key) {}
}
