package io.xemigrate.daemon.api;

/**
 * A request the API refuses: the HTTP status, a stable code ({@code MALFORMED_JSON}, {@code
 * POOL_BUSY}...) and one line saying what was wrong and what to do. The server answers it as {@code
 * {"error":{"code":...,"message":...}}}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
