package io.xemigrate.simulator;

import com.xensource.xenapi.Connection;
import java.net.URL;
import java.util.Map;

/**
 * The SDK's connection with its dispatch opened up, for calls whose SDK wrapper cannot parse xapi's
 * answer: SDK 8.1.0's {@code Event.from} casts the event {@code timestamp} to a Date, but xapi
 * sends a string.
 */
final class RawConnection extends Connection {
  RawConnection(URL url) {
    super(url);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> call(String method, Object... params) throws Exception {
    return (Map<String, Object>) dispatch(method, params).get("Value");
  }
}
