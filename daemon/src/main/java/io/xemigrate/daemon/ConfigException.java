package io.xemigrate.daemon;

/**
 * A mistake in the daemon's configuration file, at a line. {@link DaemonConfigReader} turns it into
 * the one-line {@code config FILE:LINE: ...} message.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  public ConfigException(int line, String message) {
    super(message);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
