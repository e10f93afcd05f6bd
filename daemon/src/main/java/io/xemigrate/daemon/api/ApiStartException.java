package io.xemigrate.daemon.api;

/**
 * The API cannot start: a missing or unreadable token file, bad TLS files, an address it may not
 * bind. The message is one line saying what and what to do; it never contains the token.
 */
public final class ApiStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ApiStartException(String message) {
    super(message, null, false, false);
  }
}
