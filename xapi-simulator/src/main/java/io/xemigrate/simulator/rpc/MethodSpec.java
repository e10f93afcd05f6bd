package io.xemigrate.simulator.rpc;

/**
 * A registered method.
 *
 * @param name wire name without {@code Async.}, e.g. {@code VM.start}
 * @param minimumRole the weakest role that may call it (docs/failure-semantics.md#roles)
 * @param arity parameter count including the session ref, checked as xapi does ({@code
 *     MESSAGE_PARAMETER_COUNT_MISMATCH}); negative for "any"
 * @param needsSession whether the first parameter is a session ref to check
 * @param async whether {@code Async.<name>} exists
 * @param cancellable whether its task starts with {@code cancel} in {@code allowed_operations}
 */
public record MethodSpec(
    String name,
    Role minimumRole,
    int arity,
    boolean needsSession,
    boolean async,
    boolean cancellable,
    MethodHandler handler) {

  /** A synchronous method taking a session. */
  public static MethodSpec sync(String name, Role role, int arity, MethodHandler handler) {
    return new MethodSpec(name, role, arity, true, false, false, handler);
  }

  /** A method that also exists as {@code Async.<name>}. */
  public static MethodSpec async(
      String name, Role role, int arity, boolean cancellable, MethodHandler handler) {
    return new MethodSpec(name, role, arity, true, true, cancellable, handler);
  }
}
