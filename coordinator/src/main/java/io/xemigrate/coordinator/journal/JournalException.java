package io.xemigrate.coordinator.journal;

import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.ErrorKind;

/**
 * The journal could not be read or written: the run must stop, since it can no longer be resumed.
 */
public final class JournalException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  public JournalException(String message, Throwable cause) {
    super(ErrorKind.STORAGE, "JOURNAL", message, cause);
  }
}
