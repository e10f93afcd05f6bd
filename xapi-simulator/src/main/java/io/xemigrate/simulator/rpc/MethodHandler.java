package io.xemigrate.simulator.rpc;

/**
 * One XenAPI method. Returns the result as store values (String, Long, Double, Boolean, Instant,
 * List, Map, or {@code ""} for void) or throws {@link io.xemigrate.simulator.store.XapiException}.
 * For an {@code Async.} call it runs on a worker thread with {@link CallContext#task()} set, and
 * may block (in virtual time) and report progress through {@link Tasks}.
 */
@FunctionalInterface
public interface MethodHandler {
  Object call(CallContext context, Args args);
}
