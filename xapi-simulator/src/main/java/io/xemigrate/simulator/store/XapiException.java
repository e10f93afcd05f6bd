package io.xemigrate.simulator.store;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A XenAPI error: the code and parameters that travel as {@code ErrorDescription}. The message is
 * the code only, so that parameters (which may name sessions) never reach a log by accident.
 */
public final class XapiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final ImmutableList<String> params;

  public XapiException(String code, List<String> params) {
    super(code, null, false, false);
    this.code = code;
    this.params = ImmutableList.copyOf(params);
  }

  public static XapiException of(String code, String... params) {
    return new XapiException(code, ImmutableList.copyOf(params));
  }

  /** {@code HANDLE_INVALID [class; ref]}: a lookup of a missing row. */
  public static XapiException handleInvalid(XapiClass cls, String ref) {
    return of("HANDLE_INVALID", cls.wireName(), ref);
  }

  public String code() {
    return code;
  }

  public ImmutableList<String> params() {
    return params;
  }

  /** {@code [code, params…]}, the wire form. */
  public ImmutableList<String> description() {
    return ImmutableList.<String>builder().add(code).addAll(params).build();
  }
}
