package io.xemigrate.xapi;

/**
 * Typed hooks into what the client does, for progress views, metrics and logs. Events carry method
 * names, addresses, codes and UUIDs, never parameters: parameters hold passwords and session
 * references.
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

  /**
   * Cancellation of a followed task was asked; {@code accepted} is false past its no-return point.
   */
  default void taskCancel(String operation, boolean accepted) {}

  /** TLS verification is switched off for this host: emitted on every connection set-up. */
  default void insecureTls(String address) {}

  /** Sends every event to each listener in turn. */
  static XapiEventListener compose(XapiEventListener first, XapiEventListener second) {
    return new XapiEventListener() {
      @Override
      public void callStart(String method) {
        first.callStart(method);
        second.callStart(method);
      }

      @Override
      public void callEnd(String method, long elapsedNanos, String errorCode) {
        first.callEnd(method, elapsedNanos, errorCode);
        second.callEnd(method, elapsedNanos, errorCode);
      }

      @Override
      public void retryDecision(String method, int attempt, boolean retry, String reason) {
        first.retryDecision(method, attempt, retry, reason);
        second.retryDecision(method, attempt, retry, reason);
      }

      @Override
      public void redirect(String fromAddress, String toAddress, String reason) {
        first.redirect(fromAddress, toAddress, reason);
        second.redirect(fromAddress, toAddress, reason);
      }

      @Override
      public void session(String address, String action) {
        first.session(address, action);
        second.session(address, action);
      }

      @Override
      public void taskProgress(String taskUuid, String operation, double progress) {
        first.taskProgress(taskUuid, operation, progress);
        second.taskProgress(taskUuid, operation, progress);
      }

      @Override
      public void taskCancel(String operation, boolean accepted) {
        first.taskCancel(operation, accepted);
        second.taskCancel(operation, accepted);
      }

      @Override
      public void insecureTls(String address) {
        first.insecureTls(address);
        second.insecureTls(address);
      }
    };
  }

  /** A listener that ignores everything. */
  static XapiEventListener none() {
    return new XapiEventListener() {};
  }
}
