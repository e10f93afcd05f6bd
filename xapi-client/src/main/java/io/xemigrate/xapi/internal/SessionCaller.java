package io.xemigrate.xapi.internal;

import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.Secret;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiErrors;
import io.xemigrate.xapi.XapiEventListener;
import io.xemigrate.xapi.XapiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The session layer on top of the pipeline: logs in (following HOST_IS_SLAVE to the master), or
 * reuses a given session; logs in again once on SESSION_INVALID; looks for a new master among the
 * pool's known members when the master stops answering; logs out on close, unless the session was
 * reused.
 */
final class SessionCaller implements RpcCaller {
  private static final int MAX_REDIRECTS = 3;

  private final ClientSettings settings;
  private final XapiEventListener listener;
  private final List<String> members = new CopyOnWriteArrayList<>();

  /** Sessions this client replaced, so a call that picked one up just before is corrected. */
  private final List<String> previous = new CopyOnWriteArrayList<>();

  private final boolean ownsSession;
  private final PoolCertificates poolCertificates = new PoolCertificates();
  private volatile RpcCaller pipeline;
  private volatile Endpoint endpoint;
  private volatile Secret session;

  SessionCaller(ClientSettings settings) {
    this.settings = settings;
    this.listener = settings.listener();
    this.ownsSession = !settings.reusesSession();
    this.members.addAll(settings.knownMembers());
    switchTo(Endpoint.parse(settings.address()));
    if (ownsSession) {
      login();
    } else {
      session = settings.existingSession().orElseThrow();
    }
  }

  /** The session reference, to be put on the wire as the first parameter of SDK calls. */
  String sessionReference() {
    Secret current = session;
    return current == null ? null : current.reveal();
  }

  /** The members' certificates the pool's records list, learned at login. */
  PoolCertificates poolCertificates() {
    return poolCertificates;
  }

  String address() {
    return endpoint.toString();
  }

  /** Adds pool member addresses to try if the master is lost. */
  void learnMembers(List<String> addresses) {
    for (String address : addresses) {
      if (!members.contains(address)) {
        members.add(address);
      }
    }
  }

  /** A pipeline to one endpoint: retry around a timed exchange. */
  private synchronized void switchTo(Endpoint target) {
    HttpRpcChannel channel =
        new HttpRpcChannel(
            target,
            settings.trust(),
            poolCertificates,
            listener,
            settings.connectTimeout(),
            settings.callTimeout(),
            HttpRpcChannel.DEFAULT_MAX_RESPONSE_BYTES);
    pipeline =
        new RetryingCaller(
            new TimedCaller(channel, listener), settings.retry(), settings.sleeper(), listener);
    endpoint = target;
  }

  /** Logs in on the current endpoint, following HOST_IS_SLAVE. */
  private synchronized void login() {
    for (int redirect = 0; ; redirect++) {
      try {
        Object result =
            pipeline.call(
                "session.login_with_password",
                new Object[] {
                  settings.username(),
                  settings.password().read().reveal(),
                  "1.0",
                  settings.originator()
                },
                Duration.ZERO);
        if (session != null) {
          previous.add(session.reveal());
        }
        session = Secret.of(String.valueOf(result));
        listener.session(endpoint.toString(), "login");
        learnCertificates();
        return;
      } catch (XapiException failure) {
        if (!failure.is("HOST_IS_SLAVE") || redirect >= MAX_REDIRECTS) {
          throw failure;
        }
        followMaster(failure);
      }
    }
  }

  /**
   * Reads the pool's host certificates over the new session, so that a member (after a failover, or
   * by its address) is trusted when it presents the certificate its pool lists: the chain of trust
   * runs from the pinned (or first-used) master. Only for fingerprint trust: the system trust store
   * and {@code insecure()} do not use them. A pool without {@code Certificate} records (older than
   * xapi's Stockholm release) keeps the pins alone.
   */
  private void learnCertificates() {
    boolean fingerprintTrust =
        settings.trust() instanceof TrustPolicy.Pinned
            || settings.trust() instanceof TrustPolicy.TrustOnFirstUse;
    if (!fingerprintTrust) {
      return;
    }
    Object[] sessionOnly = {session.reveal()};
    try {
      Object certificates =
          pipeline.call("Certificate.get_all_records", sessionOnly, Duration.ZERO);
      Object hosts = pipeline.call("host.get_all_records", sessionOnly, Duration.ZERO);
      poolCertificates.learn(certificates, hosts);
    } catch (XapiException unsupported) {
      // No Certificate class (or no right to read it): the pins alone decide, as before.
    }
  }

  private void followMaster(XapiException hostIsSlave) {
    String master = hostIsSlave.parameters().isEmpty() ? "" : hostIsSlave.parameters().get(0);
    Endpoint target = endpoint.redirectTo(master);
    listener.redirect(endpoint.toString(), target.toString(), "HOST_IS_SLAVE");
    switchTo(target);
  }

  @Override
  public Object call(String method, Object[] params, Duration extraWait) {
    boolean reloggedIn = false;
    boolean failedOver = false;
    for (int redirect = 0; ; redirect++) {
      Secret used = session;
      try {
        return pipeline.call(method, withSession(params, used), extraWait);
      } catch (XapiException failure) {
        if (failure.is("SESSION_INVALID") && ownsSession && !reloggedIn) {
          reloggedIn = true;
          renewSession(used);
        } else if (failure.is("HOST_IS_SLAVE") && redirect < MAX_REDIRECTS) {
          followMaster(failure);
          if (ownsSession) {
            login();
          }
        } else {
          throw failure;
        }
      } catch (TransportFailure failure) {
        // Only a refused connection means "this host is gone"; the request never left, so
        // sending it to the new master is sending it once.
        if (!failure.refused() || !ownsSession || failedOver) {
          throw failure;
        }
        failedOver = true;
        findNewMaster(failure);
      }
    }
  }

  /** Logs in again unless another thread already did since {@code stale} was used. */
  private synchronized void renewSession(Secret stale) {
    if (stale == null || stale.equals(session)) {
      listener.retryDecision("session", 1, true, "SESSION_INVALID: logging in again once");
      login();
    }
  }

  private synchronized void findNewMaster(TransportFailure lost) {
    Endpoint lostMaster = endpoint;
    List<String> candidates = new ArrayList<>(members);
    for (String candidate : candidates) {
      Endpoint target = lostMaster.sibling(candidate);
      if (target.equals(lostMaster)) {
        continue;
      }
      listener.redirect(lostMaster.toString(), target.toString(), "master lost, trying member");
      switchTo(target);
      try {
        login();
        return;
      } catch (TransportFailure | XapiException unreachable) {
        // try the next member
      }
    }
    switchTo(lostMaster);
    throw XapiErrors.client(
        "session", XapiErrors.NO_MASTER, "no known member of the pool answered as master", lost);
  }

  /** Replaces the stale session in first position by the current one. */
  private Object[] withSession(Object[] params, Secret used) {
    if (params.length == 0 || used == null || session == null) {
      return params;
    }
    if (params[0] instanceof String first && !first.equals(session.reveal())) {
      if (first.equals(used.reveal()) || isStaleOwnSession(first)) {
        Object[] copy = params.clone();
        copy[0] = session.reveal();
        return copy;
      }
    }
    return params;
  }

  private boolean isStaleOwnSession(String first) {
    return ownsSession && first.startsWith("OpaqueRef:") && previous.contains(first);
  }

  /** Logs out another session (a migrate_receive session), ignoring failures. */
  void logoutOther(Secret other) {
    try {
      pipeline.call("session.logout", new Object[] {other.reveal()}, Duration.ZERO);
      listener.session(endpoint.toString(), "logout (destination session)");
    } catch (XapiException | TransportFailure ignored) {
      listener.session(endpoint.toString(), "logout failed (destination session)");
    }
  }

  /** Logs out, unless the session was reused. Never throws. */
  synchronized void close() {
    Secret current = session;
    session = null;
    if (!ownsSession || current == null) {
      return;
    }
    try {
      pipeline.call("session.logout", new Object[] {current.reveal()}, Duration.ZERO);
      listener.session(endpoint.toString(), "logout");
    } catch (XapiException | TransportFailure failure) {
      listener.session(endpoint.toString(), "logout failed");
    }
  }
}
