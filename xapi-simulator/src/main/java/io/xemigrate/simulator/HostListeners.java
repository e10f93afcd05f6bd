package io.xemigrate.simulator;

import com.google.common.collect.ImmutableList;
import io.xemigrate.simulator.rpc.Dispatcher;
import io.xemigrate.simulator.wire.RpcServer;
import io.xemigrate.simulator.wire.SelfSignedCertificate;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Every host's endpoint on its own loopback address, all on one shared port, as real hosts all
 * serve on 443 at their own addresses: {@code host.address} and {@code HOST_IS_SLAVE} then carry a
 * bare address as xapi's do. Host {@code i} (counted over all pools) gets {@code 127.0.0.(i+1)}
 * (then {@code 127.0.1.1}, …; Linux routes all of 127/8 to the loopback interface), or {@code ::1}
 * for the first host when asked for an IPv6 master.
 */
final class HostListeners {
  private static final int ATTEMPTS = 8;

  /** One endpoint to open. */
  record Listener(
      Dispatcher dispatcher, String hostRef, String address, SelfSignedCertificate certificate) {}

  private HostListeners() {}

  /** The loopback address of the {@code index}-th host. */
  static String address(int index, boolean ipv6First) {
    if (ipv6First && index == 0) {
      return "::1";
    }
    int high = index / (254 * 256);
    int middle = (index / 254) % 256;
    int low = index % 254 + 1;
    return String.format(Locale.ROOT, "127.%d.%d.%d", high, middle, low);
  }

  /** {@code 127.0.0.2:443} or {@code [::1]:443}. */
  static String hostPort(String address, int port) {
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
  }

  /**
   * Binds every listener on one port: the first on a free one, the others on the same port at their
   * addresses; if another process holds that port on one of them, starts again on a new one.
   */
  static int bindAll(RpcServer server, List<Listener> listeners) {
    ImmutableList<Listener> all = ImmutableList.copyOf(listeners);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      OptionalInt port = OptionalInt.of(0);
      for (Listener listener : all) {
        port =
            server.bind(
                listener.dispatcher(),
                listener.hostRef(),
                inet(listener.address()),
                port.getAsInt(),
                listener.certificate());
        if (port.isEmpty()) {
          break;
        }
      }
      if (port.isPresent()) {
        return port.getAsInt();
      }
      server.unbindAll();
    }
    throw new IllegalStateException(
        "no port was free on every host's loopback address after " + ATTEMPTS + " attempts");
  }

  private static InetAddress inet(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an address: " + address, e);
    }
  }
}
