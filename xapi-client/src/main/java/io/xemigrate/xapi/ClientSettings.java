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
    return builder(address).username(username).password(password).build();
  }

  /** Reuse an existing session: no login, no logout. */
  public static ClientSettings reuse(String address, Secret session) {
    return builder(address).existingSession(session).build();
  }

  /**
   * Settings for {@code address} with the defaults: no user, an empty password, the system trust
   * store, default retries, logging listener, originator {@code xe-migrate/0.1}, 10 s to connect,
   * 10 min per call, the UTC system clock.
   */
  public static Builder builder(String address) {
    return new Builder(address);
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public boolean reusesSession() {
    return existingSession.isPresent();
  }

  public ClientSettings withSession(Secret session) {
    return toBuilder().existingSession(session).build();
  }

  public ClientSettings withTrust(TrustPolicy newTrust) {
    return toBuilder().trust(newTrust).build();
  }

  public ClientSettings withRetry(RetryPolicy newRetry, Sleeper newSleeper) {
    return toBuilder().retry(newRetry).sleeper(newSleeper).build();
  }

  public ClientSettings withListener(XapiEventListener newListener) {
    return toBuilder().listener(newListener).build();
  }

  public ClientSettings withKnownMembers(List<String> members) {
    return toBuilder().knownMembers(members).build();
  }

  public ClientSettings withClock(Clock newClock) {
    return toBuilder().clock(newClock).build();
  }

  /** Builds {@link ClientSettings}; every field starts at the default of {@link #builder}. */
  public static final class Builder {
    private final String address;
    private String username = "";
    private PasswordSource password = () -> Secret.of("");
    private Optional<Secret> existingSession = Optional.empty();
    private TrustPolicy trust = TrustPolicy.system();
    private RetryPolicy retry = RetryPolicy.defaults();
    private Sleeper sleeper = Sleeper.system();
    private XapiEventListener listener = new LoggingEventListener();
    private ImmutableList<String> knownMembers = ImmutableList.of();
    private String originator = "xe-migrate/0.1";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration callTimeout = Duration.ofMinutes(10);
    private Clock clock = Clock.systemUTC();

    private Builder(String address) {
      this.address = Objects.requireNonNull(address, "address");
    }

    private Builder(ClientSettings settings) {
      this(settings.address);
      username = settings.username;
      password = settings.password;
      existingSession = settings.existingSession;
      trust = settings.trust;
      retry = settings.retry;
      sleeper = settings.sleeper;
      listener = settings.listener;
      knownMembers = settings.knownMembers;
      originator = settings.originator;
      connectTimeout = settings.connectTimeout;
      callTimeout = settings.callTimeout;
      clock = settings.clock;
    }

    public Builder username(String value) {
      username = value;
      return this;
    }

    public Builder password(PasswordSource value) {
      password = value;
      return this;
    }

    public Builder existingSession(Secret value) {
      existingSession = Optional.of(value);
      return this;
    }

    public Builder trust(TrustPolicy value) {
      trust = value;
      return this;
    }

    public Builder retry(RetryPolicy value) {
      retry = value;
      return this;
    }

    public Builder sleeper(Sleeper value) {
      sleeper = value;
      return this;
    }

    public Builder listener(XapiEventListener value) {
      listener = value;
      return this;
    }

    public Builder knownMembers(List<String> value) {
      knownMembers = ImmutableList.copyOf(value);
      return this;
    }

    public Builder originator(String value) {
      originator = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    public Builder callTimeout(Duration value) {
      callTimeout = value;
      return this;
    }

    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    public ClientSettings build() {
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
          clock);
    }
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
