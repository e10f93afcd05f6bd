package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.rpc.CallContext;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.rpc.Session;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.Optional;

/**
 * {@code host.migrate_receive(host, network, options)} (docs/xapi-behaviour.md#migrate-receive).
 * Runs on the destination master. The returned map carries a fresh session three times: it is a
 * bearer credential and is never logged or put in an error.
 */
final class MigrateReceive {
  private MigrateReceive() {}

  static Object call(CallContext context, Args args) {
    PoolView view = new PoolView(context.store());
    XapiRecord host = view.get(XapiClass.HOST, args.string(1));
    String networkRef = args.string(2);
    view.get(XapiClass.NETWORK, networkRef);
    if (MigrationChecks.restricted(view.pool(), "restrict_storage_motion")) {
      throw XapiException.of("LICENCE_RESTRICTION", "Storage_motion");
    }
    Session caller = context.requireSession();
    // login_no_password: the new session inherits the caller's subject, rights and pool flag.
    Session minted =
        context
            .pool()
            .sessions()
            .mint(caller.user(), caller.role(), caller.originator(), host.ref(), caller.pool());
    XapiRecord pif =
        view.pifOn(host.ref(), networkRef)
            .orElseThrow(
                () -> XapiException.of("HOST_CANNOT_ATTACH_NETWORK", host.ref(), networkRef));
    String ip = addressOf(pif).orElseThrow(() -> noAddress(pif));
    String master = context.pool().addressOf(view.masterRef());
    String query = "?session_id=" + minted.ref();
    return ImmutableMap.of(
        "SM", "http://" + ip + "/services/SM" + query,
        "host", host.ref(),
        "xenops", "http://" + ip + "/services/xenops" + query,
        "session_id", minted.ref(),
        "master", "http://" + PoolRuntime.urlHost(master));
  }

  /** The IP of the PIF's primary address type; IPv6 skips link-local addresses. */
  static Optional<String> addressOf(XapiRecord pif) {
    if (pif.string("primary_address_type").equals("IPv6")) {
      return pif.strings("IPv6").stream()
          .map(address -> address.split("/", 2)[0])
          .filter(address -> !address.toLowerCase().startsWith("fe80"))
          .findFirst()
          .map(address -> "[" + address + "]");
    }
    String ip = pif.string("IP");
    return ip.isEmpty() ? Optional.empty() : Optional.of(ip);
  }

  private static XapiException noAddress(XapiRecord pif) {
    boolean v6 = pif.string("primary_address_type").equals("IPv6");
    String mode = pif.string(v6 ? "ipv6_configuration_mode" : "ip_configuration_mode");
    return mode.equals("None")
        ? XapiException.of("PIF_HAS_NO_NETWORK_CONFIGURATION", pif.ref())
        : XapiException.of("INTERFACE_HAS_NO_IP", pif.ref());
  }
}
