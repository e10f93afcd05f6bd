package io.xemigrate.xapi.internal;

/**
 * The HTTP exchange failed. Internal: the retry layer reads {@link #mayHaveReachedServer()} to
 * decide, and the outermost layer turns it into an {@link io.xemigrate.xapi.XapiException}.
 */
final class TransportFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean mayHaveReachedServer;
  private final boolean refused;

  TransportFailure(String message, boolean mayHaveReachedServer, boolean refused, Throwable cause) {
    super(message, cause);
    this.mayHaveReachedServer = mayHaveReachedServer;
    this.refused = refused;
  }

  /** False only when the request certainly never left (no connection, TLS refused). */
  boolean mayHaveReachedServer() {
    return mayHaveReachedServer;
  }

  /** The host refused or did not answer the connection: it may be down (master lost). */
  boolean refused() {
    return refused;
  }
}
