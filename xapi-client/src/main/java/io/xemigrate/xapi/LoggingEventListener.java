package io.xemigrate.xapi;

import java.lang.System.Logger.Level;

/**
 * Writes client events to {@link System.Logger} {@code io.xemigrate.xapi}. Logs derive from events
 * only, so they inherit the rule that events carry no secrets.
 */
public final class LoggingEventListener implements XapiEventListener {
  private static final System.Logger LOG = System.getLogger("io.xemigrate.xapi");

  @Override
  public void callStart(String method) {
    LOG.log(Level.DEBUG, () -> "call " + method);
  }

  @Override
  public void callEnd(String method, long elapsedNanos, String errorCode) {
    LOG.log(
        Level.DEBUG,
        () ->
            "call "
                + method
                + " took "
                + elapsedNanos / 1_000_000
                + " ms"
                + (errorCode.isEmpty() ? "" : ", failed " + errorCode));
  }

  @Override
  public void retryDecision(String method, int attempt, boolean retry, String reason) {
    LOG.log(
        retry ? Level.INFO : Level.WARNING,
        () -> method + " attempt " + attempt + (retry ? " retried: " : " not retried: ") + reason);
  }

  @Override
  public void redirect(String fromAddress, String toAddress, String reason) {
    LOG.log(Level.INFO, () -> "moving from " + fromAddress + " to " + toAddress + ": " + reason);
  }

  @Override
  public void session(String address, String action) {
    LOG.log(Level.INFO, () -> "session " + action + " on " + address);
  }

  @Override
  public void taskProgress(String taskUuid, String operation, double progress) {
    LOG.log(Level.DEBUG, () -> operation + " task " + taskUuid + " at " + progress);
  }

  @Override
  public void taskCancel(String operation, boolean accepted) {
    LOG.log(
        Level.INFO,
        () -> operation + (accepted ? " cancel requested" : " can no longer be cancelled"));
  }

  @Override
  public void insecureTls(String address) {
    LOG.log(
        Level.WARNING,
        () ->
            "TLS certificate verification is OFF for "
                + address
                + ": anyone on the network path can impersonate the pool");
  }
}
