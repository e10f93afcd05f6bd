package io.xemigrate.coordinator;

/**
 * A mistake in what the caller asked for. Its message is one line that names what was wrong and
 * what to do; the command line prints it and exits with "bad input", the API answers 400.
 */
public final class BadRequestException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String message) {
    super(ErrorKind.BAD_REQUEST, "BAD_REQUEST", message);
  }
}
