package io.xemigrate.xapi;

/**
 * Typed hooks into what the client does, for progress views, metrics and logs. Events carry
 * method names, addresses, codes and UUIDs, never parameters: parameters hold passwords and
 * session references.
 *
 * <p>Listeners must be fast, must not throw and must not call back into the client.
 */
public interface XapiEventListener {

  /** A XenAPI call is about to be sent. */
  default void callStart(String method) {}

  /**
   * A XenAPI call finished.
   *
   * @param errorCode {@code ""} on success, otherwise the failure's code
   */
  default void callEnd(String method, long elapsedNanos, String errorCode) {}

  /**
   * The client decided whether to send a failed call again.
   *
   * @param attempt the attempt that failed, from 1
   * @param retry whether it will be sent again
   * @param reason why, in a few words (names a code or a rule, never a secret)
   */
  default void retryDecision(String method, int attempt, boolean retry, String reason) {}

  /** The client moved to another host: HOST_IS_SLAVE, or looking for a new master. */
  default void redirect(String fromAddress, String toAddress, String reason) {}

  /** A session was opened ({@code login}) or closed ({@code logout}) on a host. */
  default void session(String address, String action) {}

  /** A followed task made progress (0 to 1). */
  default void taskProgress(String taskUuid, String operation, double progress) {}

  /** Cancellation of a followed task was asked; {@code accepted} is false past its no-return point. */
  default void taskCancel(String operation, boolean accepted) {}

  /** TLS verification is switched off for this host: emitted on every connection set-up. */
  default void insecureTls(String address) {}

  /** A listener that ignores everything. */
  static XapiEventListener none() {
    return new XapiEventListener() {};
  }
}
