package io.xemigrate.coordinator.pools;

import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.ErrorKind;

/**
 * A pool profile that cannot be used to connect: its password file or variable is missing, or its
 * address is plain HTTP. Whoever wrote the profile gets the full message (the command line prints
 * it, bad input); a client of the daemon's API did not write it and gets {@link #publicMessage}
 * instead, which names the pool but no path of the server's file system.
 */
public final class PoolProfileException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  private final String pool;

  PoolProfileException(String pool, String message) {
    super(ErrorKind.BAD_REQUEST, "POOL_PROFILE", message);
    this.pool = pool;
  }

  /** The pool's name in the profile file. */
  public String pool() {
    return pool;
  }

  /** The message for someone who did not write the profile file. */
  public String publicMessage() {
    return "the daemon's profile of pool '"
        + pool
        + "' cannot be used to connect (its password file or variable, or its address): the"
        + " daemon's log names what to fix";
  }
}
