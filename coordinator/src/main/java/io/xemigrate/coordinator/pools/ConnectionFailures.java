package io.xemigrate.coordinator.pools;

import io.xemigrate.xapi.XapiException;

/** Turns a client failure while connecting into one line that names the pool and what to do. */
final class ConnectionFailures {
  private ConnectionFailures() {}

  static PoolConnectionException describe(PoolProfile profile, XapiException e) {
    String where = "pool '" + profile.name() + "' at " + profile.address();
    String detail = e.parameters().isEmpty() ? e.code() : oneLine(e.parameters().get(0));
    String message =
        switch (e.code()) {
          case "XE_TLS_FINGERPRINT_MISMATCH" -> where + ": " + detail;
          case "XE_TLS_UNTRUSTED" ->
              where
                  + ": certificate not trusted; pin it with tlsFingerprint in "
                  + profile.origin();
          case "XE_TRANSPORT", "XE_NO_MASTER" ->
              "cannot reach " + where + ": " + detail + "; check the address and the network";
          case "SESSION_AUTHENTICATION_FAILED" ->
              where + " refused the login of user '" + profile.username() + "': check the password";
          case "SESSION_INVALID" ->
              profile.reusesSession()
                  ? where
                      + ": the session XenCenter passed is no longer valid; reconnect to the pool"
                      + " in XenCenter and start the menu item again"
                  : where + ": the session ended; run the command again";
          default -> where + ": " + e.code() + " " + e.parameters();
        };
    return new PoolConnectionException(message, e);
  }

  static PoolConnectionException unreachable(PoolProfile profile, RuntimeException e) {
    String detail =
        e.getMessage() == null
            ? e.getClass().getSimpleName()
            : oneLine(e.getMessage()).replace(": ConnectException", ": connection refused");
    return new PoolConnectionException(
        "cannot reach pool '"
            + profile.name()
            + "' at "
            + profile.address()
            + ": "
            + detail
            + "; check the address and the network",
        e);
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }
}
