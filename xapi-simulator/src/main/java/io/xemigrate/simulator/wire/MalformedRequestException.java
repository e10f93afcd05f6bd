package io.xemigrate.simulator.wire;

/**
 * A request body that is not a valid call. xapi answers it with HTTP 500 and an HTML body holding
 * the escaped exception text (docs/failure-semantics.md#http-limits), not with an API error.
 */
public final class MalformedRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedRequestException(String message) {
    super(message);
  }
}
