package io.xemigrate.xapi;

/**
 * A XenAPI error code with its classification.
 *
 * @param code xapi's code string ({@code VDI_CBT_ENABLED}), or one of the client's own codes that
 *     start with {@code XE_} (transport, TLS, unknown outcome)
 * @param kind what the failure means for the caller
 */
public record XapiErrorCode(String code, XapiErrorKind kind) {

  /** Whether the failed call may be sent again unchanged, provided the call is safe to repeat. */
  public boolean retryable() {
    return kind.retryable();
  }

  /** Whether this code was produced by the client rather than by xapi. */
  public boolean clientSide() {
    return code.startsWith("XE_");
  }
}
