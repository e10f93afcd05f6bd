package io.xemigrate.xapi;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to open a {@link PoolClient}.
 *
 * @param address the pool master (or any member: HOST_IS_SLAVE is followed), {@code host} or {@code
 *     host:port} (port 443 by default)
 * @param username the XenAPI user, ignored when a session is reused
 * @param password where the password comes from, ignored when a session is reused
 * @param existingSession a session reference to reuse (XCP-ng Center passes one): then the client
 *     neither logs in nor logs out
 * @param knownMembers other addresses of the pool, tried in order when the master is lost (the
 *     client adds every host's address once it has loaded the inventory)
 * @param originator the session originator xapi groups sessions by
 * @param callTimeout the longest wait for the answer to an ordinary call
 */
public record ClientSettings(
    String address,
    String username,
    PasswordSource password,
    Optional<Secret> existingSession,
    TrustPolicy trust,
    RetryPolicy retry,
    Sleeper sleeper,
    XapiEventListener listener,
    ImmutableList<String> knownMembers,
    String originator,
    Duration connectTimeout,
    Duration callTimeout,
    Clock clock) {

  public ClientSettings {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(trust, "trust");
  }

  /** Log in with a user name and a password source; system trust store; default retries. */
  public static ClientSettings login(String address, String username, PasswordSource password) {
    return new ClientSettings(
        address,
        username,
        password,
        Optional.empty(),
        TrustPolicy.system(),
        RetryPolicy.defaults(),
        Sleeper.system(),
        new LoggingEventListener(),
        ImmutableList.of(),
        "xe-migrate/0.1",
        Duration.ofSeconds(10),
        Duration.ofMinutes(10),
        Clock.systemUTC());
  }

  /** Reuse an existing session: no login, no logout. */
  public static ClientSettings reuse(String address, Secret session) {
    return login(address, "", () -> Secret.of("")).withSession(session);
  }

  public boolean reusesSession() {
    return existingSession.isPresent();
  }

  public ClientSettings withSession(Secret session) {
    return new ClientSettings(
        address,
        username,
        password,
        Optional.of(session),
        trust,
        retry,
        sleeper,
        listener,
        knownMembers,
        originator,
        connectTimeout,
        callTimeout,
        clock);
  }

  public ClientSettings withTrust(TrustPolicy newTrust) {
    return new ClientSettings(
        address,
        username,
        password,
        existingSession,
        newTrust,
        retry,
        sleeper,
        listener,
        knownMembers,
        originator,
        connectTimeout,
        callTimeout,
        clock);
  }

  public ClientSettings withRetry(RetryPolicy newRetry, Sleeper newSleeper) {
    return new ClientSettings(
        address,
        username,
        password,
        existingSession,
        trust,
        newRetry,
        newSleeper,
        listener,
        knownMembers,
        originator,
        connectTimeout,
        callTimeout,
        clock);
  }

  public ClientSettings withListener(XapiEventListener newListener) {
    return new ClientSettings(
        address,
        username,
        password,
        existingSession,
        trust,
        retry,
        sleeper,
        newListener,
        knownMembers,
        originator,
        connectTimeout,
        callTimeout,
        clock);
  }

  public ClientSettings withKnownMembers(List<String> members) {
    return new ClientSettings(
        address,
        username,
        password,
        existingSession,
        trust,
        retry,
        sleeper,
        listener,
        ImmutableList.copyOf(members),
        originator,
        connectTimeout,
        callTimeout,
        clock);
  }

  public ClientSettings withClock(Clock newClock) {
    return new ClientSettings(
        address,
        username,
        password,
        existingSession,
        trust,
        retry,
        sleeper,
        listener,
        knownMembers,
        originator,
        connectTimeout,
        callTimeout,
        newClock);
  }

  @Override
  public String toString() {
    return "ClientSettings[address="
        + address
        + ", username="
        + username
        + ", password="
        + password
        + ", session="
        + (existingSession.isPresent() ? "<redacted>" : "none")
        + ", trust="
        + trust
        + "]";
  }
}
