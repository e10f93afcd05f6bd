package io.xemigrate.daemon;

/** A cron expression that cannot be parsed; the message says which field and why, in one line. */
public final class CronException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CronException(String message) {
    super(message);
  }
}
