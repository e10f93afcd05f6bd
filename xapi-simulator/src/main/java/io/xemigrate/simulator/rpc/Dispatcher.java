package io.xemigrate.simulator.rpc;

import com.google.common.collect.ImmutableList;
import io.xemigrate.simulator.store.XapiException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one decoded call into a result, in xapi's order: method lookup, parameter count, session
 * (with {@code HOST_IS_SLAVE} on a member), RBAC, then the handler, directly or as an {@code
 * Async.} task. Shared by both wire formats, so XML-RPC and JSON-RPC answer alike.
 */
public final class Dispatcher {
  private static final String ASYNC = "Async.";

  private final PoolRuntime pool;

  public Dispatcher(PoolRuntime pool) {
    this.pool = pool;
  }

  public PoolRuntime pool() {
    return pool;
  }

  /** Runs {@code method} as received by {@code hostRef}'s endpoint. */
  public Object dispatch(String hostRef, String method, List<Object> params) {
    boolean async = method.startsWith(ASYNC);
    String name = async ? method.substring(ASYNC.length()) : method;
    MethodSpec spec =
        pool.methods()
            .find(name)
            .filter(s -> !async || s.async())
            .orElseThrow(() -> XapiException.of("MESSAGE_METHOD_UNKNOWN", method));
    if (spec.arity() >= 0 && params.size() != spec.arity()) {
      throw XapiException.of(
          "MESSAGE_PARAMETER_COUNT_MISMATCH",
          method,
          Integer.toString(spec.arity()),
          Integer.toString(params.size()));
    }
    Args args = new Args(ImmutableList.copyOf(params));
    Optional<Session> session = Optional.empty();
    if (spec.needsSession()) {
      if (params.isEmpty()) {
        throw XapiException.of("SESSION_INVALID", "");
      }
      session = Optional.of(checkSession(hostRef, args.string(0)));
      Role role = session.get().role();
      if (!role.allows(spec.minimumRole())) {
        throw XapiException.of(
            "RBAC_PERMISSION_DENIED",
            name.toLowerCase(Locale.ROOT),
            "No permission in user session");
      }
    }
    if (!async) {
      return result(
          spec.handler()
              .call(new CallContext(pool, hostRef, session, Optional.empty(), name), args));
    }
    String task = pool.tasks().create(method, "", hostRef, spec.cancellable());
    session.ifPresent(s -> pool.tasks().recordOwner(task, s.ref()));
    CallContext context = new CallContext(pool, hostRef, session, Optional.of(task), name);
    // The future is not kept: the task object is how the outcome is observed.
    var unused = pool.workers().submit(() -> runTask(spec, context, args, task));
    return task;
  }

  private Session checkSession(String hostRef, String ref) {
    boolean master = hostRef.equals(pool.masterRef());
    if (!master) {
      // A member serves only internal pool sessions; everybody else is sent to the master.
      boolean poolSession = pool.sessions().isLive(ref) && pool.sessions().check(ref).pool();
      if (!poolSession) {
        throw XapiException.of("HOST_IS_SLAVE", pool.addressOf(pool.masterRef()));
      }
    }
    return pool.sessions().check(ref);
  }

  private void runTask(MethodSpec spec, CallContext context, Args args, String task) {
    try {
      Object value = result(spec.handler().call(context, args));
      pool.tasks().complete(task, value);
    } catch (XapiException e) {
      pool.tasks().fail(task, e);
    } catch (RuntimeException e) {
      pool.tasks().fail(task, internalError(e));
    }
  }

  /** Non-API exceptions become {@code INTERNAL_ERROR [text]} (xapi's exnHelper). */
  public static XapiException internalError(RuntimeException e) {
    return XapiException.of("INTERNAL_ERROR", e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private static Object result(Object value) {
    return value == null ? "" : value;
  }
}
