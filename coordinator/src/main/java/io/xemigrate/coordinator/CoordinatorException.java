package io.xemigrate.coordinator;

/**
 * The engine's one error type: a {@link ErrorKind}, a stable code in capitals for machines and a
 * one-line message for people (what was wrong and what to do; never a secret, a class name or a
 * stack trace). Only the front ends turn it into exit codes or HTTP status codes.
 */
public class CoordinatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final String code;

  public CoordinatorException(ErrorKind kind, String code, String message) {
    this(kind, code, message, null);
  }

  public CoordinatorException(ErrorKind kind, String code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
    this.code = code;
  }

  public final ErrorKind kind() {
    return kind;
  }

  public final String code() {
    return code;
  }
}
