package io.xemigrate.coordinator.pools;

import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.ErrorKind;

/**
 * A pool could not be reached or refused us (unreachable, TLS pin mismatch, bad credentials). The
 * message is one line, safe to print; the command line exits with 1 ("other failure").
 */
public final class PoolConnectionException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  public PoolConnectionException(String message, Throwable cause) {
    super(ErrorKind.POOL_UNREACHABLE, "POOL_UNREACHABLE", message, cause);
  }
}
