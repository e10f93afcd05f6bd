package io.xemigrate.simulator.rpc;

import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Everything one simulated pool owns: its database, its sessions, its dispatch table and the
 * workers that run {@code Async.} calls. Every host endpoint of the pool shares it; which host is
 * master is read from {@code pool.master} at each call, so a master change takes effect at once.
 */
public final class PoolRuntime {
  private final String name;
  private final ObjectStore store;
  private final Sessions sessions;
  private final MethodRegistry methods;
  private final ExecutorService workers;
  private final Tasks tasks;
  private final ConnectionResets connectionResets = new ConnectionResets();
  private final HttpResources http = new HttpResources();
  private final EventRegistrations eventRegistrations = new EventRegistrations();

  public PoolRuntime(
      String name,
      ObjectStore store,
      Sessions sessions,
      MethodRegistry methods,
      ExecutorService workers) {
    this.name = name;
    this.store = store;
    this.sessions = sessions;
    this.methods = methods;
    this.workers = workers;
    this.tasks = new Tasks(store);
    sessions.setPendingTaskCheck(tasks::hasPendingTask);
  }

  /** The sessions registered for {@code event.next}. */
  public EventRegistrations eventRegistrations() {
    return eventRegistrations;
  }

  public String name() {
    return name;
  }

  public ObjectStore store() {
    return store;
  }

  public Sessions sessions() {
    return sessions;
  }

  public MethodRegistry methods() {
    return methods;
  }

  /** Runs {@code Async.} work; unbounded, since simulated calls mostly wait. */
  public ExecutorService workers() {
    return workers;
  }

  public Tasks tasks() {
    return tasks;
  }

  /** Connection resets armed on this pool's host endpoints (a fault). */
  public ConnectionResets connectionResets() {
    return connectionResets;
  }

  /** The plain HTTP GET handlers (such as {@code /rrd_updates}) every host of the pool serves. */
  public HttpResources http() {
    return http;
  }

  /** The pool object; there is exactly one per pool. */
  public XapiRecord pool() {
    return store.all(XapiClass.POOL).get(0);
  }

  public String masterRef() {
    return pool().string("master");
  }

  /** The address a client uses to reach {@code hostRef}: {@code host.address}. */
  public String addressOf(String hostRef) {
    return store.get(XapiClass.HOST, hostRef).string("address");
  }

  /** The {@code fingerprint_sha256} of {@code hostRef}'s host certificate, if it has one. */
  public Optional<String> certificateOf(String hostRef) {
    return store
        .where(
            XapiClass.CERTIFICATE,
            c -> c.string("host").equals(hostRef) && c.string("type").equals("host"))
        .stream()
        .map(c -> c.string("fingerprint_sha256"))
        .findFirst();
  }

  /** An address as the host part of a URL: IPv6 in brackets. */
  public static String urlHost(String address) {
    return address.contains(":") ? "[" + address + "]" : address;
  }
}
