package io.xemigrate.xapi;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The one exception type of xapi-client: a XenAPI failure (or a client-side failure such as a
 * transport error) with its classified code and its parameters.
 *
 * <p>Parameters that are secrets (session references) are redacted before they get here, so the
 * message is safe to log.
 */
public final class XapiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final XapiErrorCode errorCode;
  private final ImmutableList<String> parameters;
  private final String method;

  public XapiException(
      String method, XapiErrorCode errorCode, List<String> parameters, Throwable cause) {
    super(describe(method, errorCode, parameters), cause, true, false);
    this.method = method;
    this.errorCode = errorCode;
    this.parameters = ImmutableList.copyOf(parameters);
  }

  public XapiException(String method, XapiErrorCode errorCode, List<String> parameters) {
    this(method, errorCode, parameters, null);
  }

  private static String describe(String method, XapiErrorCode code, List<String> parameters) {
    return method + ": " + code.code() + " " + parameters;
  }

  public XapiErrorCode errorCode() {
    return errorCode;
  }

  /** The code string, for example {@code VM_BAD_POWER_STATE}. */
  public String code() {
    return errorCode.code();
  }

  public XapiErrorKind kind() {
    return errorCode.kind();
  }

  /** The error's parameters as xapi sent them (secrets redacted). */
  public ImmutableList<String> parameters() {
    return parameters;
  }

  /** The XenAPI method that failed, for example {@code VM.migrate_send}. */
  public String method() {
    return method;
  }

  /** Whether this failure is the given code. */
  public boolean is(String code) {
    return errorCode.code().equals(code);
  }
}
