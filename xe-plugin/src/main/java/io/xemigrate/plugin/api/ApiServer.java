package io.xemigrate.plugin.api;

/**
 * The HTTP API server (netty): JSON under {@code /api/v1}, {@code /healthz}, {@code /metrics}, the
 * event stream. Plain HTTP only on a loopback address; TLS with the configured PEM files otherwise.
 */
public final class ApiServer implements AutoCloseable {
  private final int port;

  private ApiServer(int port) {
    this.port = port;
  }

  /**
   * Reads the token file, binds and starts serving.
   *
   * @throws ApiStartException one line saying what is wrong with the settings (token file, TLS
   *     files, address) and what to do
   */
  public static ApiServer start(ApiSettings settings, ApiServices services) {
    throw new ApiStartException("the HTTP API is not built yet");
  }

  /** The port the server listens on (the one chosen when the settings said 0). */
  public int port() {
    return port;
  }

  /** Stops accepting, closes every connection and the event streams, waits for running plans. */
  @Override
  public void close() {}
}
