package io.xemigrate.plugin.cli;

/**
 * A mistake in the user's input. Its message is one line that names what was wrong and what to do;
 * the command line prints it without a stack trace and exits with {@link ExitCode#BAD_INPUT}.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null, false, false);
  }
}
