package io.xemigrate.xapi;

/**
 * What kind of failure a XenAPI error code is, which decides what a caller may do about it.
 *
 * <p>Modelled on Trino's {@code ErrorType}: every xapi error code maps to exactly one kind.
 */
public enum XapiErrorKind {
  /** The request cannot succeed as it is: a check failed (VM_BAD_POWER_STATE, VM_REQUIRES_SR). */
  PRECONDITION,
  /** Try again later: the server is busy or another operation holds the object. */
  TRANSIENT,
  /** The session is invalid or lacks a role: log in again once, or ask for a stronger role. */
  AUTH,
  /** The object does not exist (HANDLE_INVALID, UUID_INVALID). */
  NOT_FOUND,
  /** Something outside us failed: the migration itself, a host, the network. */
  EXTERNAL,
  /** A bug or an unexpected answer. */
  INTERNAL;

  /** Whether a call that failed this way may be sent again unchanged, if it is safe to repeat. */
  public boolean retryable() {
    return switch (this) {
      case TRANSIENT -> true;
      case PRECONDITION, AUTH, NOT_FOUND, EXTERNAL, INTERNAL -> false;
    };
  }
}
