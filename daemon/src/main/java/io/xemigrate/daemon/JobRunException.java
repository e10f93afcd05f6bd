package io.xemigrate.daemon;

/** A job run that cannot go on, with one line saying why; the run ends FAILED with it. */
public final class JobRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JobRunException(String message) {
    super(message);
  }
}
