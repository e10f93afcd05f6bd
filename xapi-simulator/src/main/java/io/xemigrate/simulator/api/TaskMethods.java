package io.xemigrate.simulator.api;

import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.rpc.CallContext;
import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.rpc.Session;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import java.util.Locale;

/**
 * {@code task.create}, {@code task.cancel} and {@code task.destroy}
 * (docs/xapi-behaviour.md#task-model). Cancelling another session's task needs Pool Operator
 * (docs/failure-semantics.md#roles).
 */
public final class TaskMethods {
  private TaskMethods() {}

  public static void register(MethodRegistry registry) {
    registry.register(
        MethodSpec.async(
            "task.cancel",
            Role.READ_ONLY,
            2,
            false,
            (context, args) -> {
              String task = args.string(1);
              context.store().get(XapiClass.TASK, task);
              requireOwnerOrOperator(context, task, "task.cancel");
              context.pool().tasks().requestCancel(task, context.task().orElse(""));
              return "";
            }));
    registry.register(
        MethodSpec.sync(
            "task.destroy",
            Role.READ_ONLY,
            2,
            (context, args) -> {
              String task = args.string(1);
              context.store().get(XapiClass.TASK, task);
              requireOwnerOrOperator(context, task, "task.destroy");
              context.pool().tasks().destroy(task);
              return "";
            }));
    registry.register(MethodSpec.sync("task.create", Role.READ_ONLY, 3, TaskMethods::create));
  }

  private static Object create(CallContext context, Args args) {
    String task =
        context.pool().tasks().create(args.string(1), args.string(2), context.hostRef(), false);
    context.pool().tasks().recordOwner(task, context.requireSession().ref());
    return task;
  }

  private static void requireOwnerOrOperator(CallContext context, String task, String method) {
    Session session = context.requireSession();
    boolean own = context.pool().tasks().owner(task).filter(session.ref()::equals).isPresent();
    if (!own && !session.role().allows(Role.POOL_OPERATOR)) {
      throw XapiException.of(
          "RBAC_PERMISSION_DENIED",
          method.toLowerCase(Locale.ROOT) + "/any",
          "No permission in user session");
    }
  }
}
