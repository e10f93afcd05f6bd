package io.xemigrate.simulator.api;

import io.xemigrate.simulator.VirtualWaits;
import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.rpc.CallContext;
import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.store.XapiException;
import java.time.Duration;

/**
 * {@code session.*} (docs/xapi-behaviour.md#sessions): login on the master only ({@code
 * HOST_IS_SLAVE [master address]} on a member), {@code SESSION_AUTHENTICATION_FAILED [uname; msg]}
 * after xapi's deliberate 5-second pause, logout, and {@code get_this_host}.
 */
public final class SessionMethods {
  /** xapi's pause before answering a failed login. */
  static final Duration FAILED_LOGIN_DELAY = Duration.ofSeconds(5);

  private SessionMethods() {}

  public static void register(MethodRegistry registry) {
    registry.register(
        new MethodSpec(
            "session.login_with_password",
            Role.READ_ONLY,
            -1,
            false,
            false,
            false,
            SessionMethods::login));
    registry.register(
        MethodSpec.sync(
            "session.logout",
            Role.READ_ONLY,
            1,
            (context, args) -> {
              context.pool().sessions().logout(context.requireSession().ref());
              return "";
            }));
    registry.register(
        MethodSpec.sync(
            "session.get_this_host",
            Role.READ_ONLY,
            2,
            (context, args) ->
                context
                    .store()
                    .get(io.xemigrate.simulator.store.XapiClass.SESSION, args.string(1))
                    .string("this_host")));
  }

  private static Object login(CallContext context, Args args) {
    if (args.size() < 2 || args.size() > 4) {
      throw XapiException.of(
          "MESSAGE_PARAMETER_COUNT_MISMATCH",
          "session.login_with_password",
          "4",
          Integer.toString(args.size()));
    }
    PoolRuntime pool = context.pool();
    if (!context.hostRef().equals(pool.masterRef())) {
      throw XapiException.of("HOST_IS_SLAVE", pool.addressOf(pool.masterRef()));
    }
    String originator = args.size() == 4 ? args.string(3) : "";
    try {
      return pool.sessions()
          .login(args.string(0), args.string(1), originator, context.hostRef())
          .ref();
    } catch (XapiException e) {
      try {
        VirtualWaits.pause(context.store().clock(), FAILED_LOGIN_DELAY);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      throw e;
    }
  }
}
