package io.xemigrate.plugin.journal;

/**
 * The journal could not be read or written: the run must stop, since it can no longer be resumed.
 */
public final class JournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
