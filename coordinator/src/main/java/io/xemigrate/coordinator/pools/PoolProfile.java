package io.xemigrate.coordinator.pools;

import com.google.common.collect.ImmutableList;
import io.xemigrate.xapi.Secret;
import java.util.Optional;

/**
 * How to reach one pool: a named entry of a profile file, or the {@code remote-*} parameters of a
 * command. Holds no password, only where to read it.
 *
 * @param name the name the user refers to the pool by
 * @param uuid the pool's UUID when the profile knows it (the simulator's endpoints file does)
 * @param address the master's address: {@code host}, {@code host:port} or {@code https://host:port}
 * @param tlsFingerprint the pinned SHA-256 of the master's certificate; empty means trust on first
 *     use, unless {@code insecure}
 * @param members other hosts of the pool, tried when the master is lost
 * @param origin where the profile came from (a file name, or {@code remote-master=}), for messages
 */
public record PoolProfile(
    String name,
    Optional<String> uuid,
    String address,
    String username,
    PasswordOrigin password,
    Optional<String> tlsFingerprint,
    boolean insecure,
    ImmutableList<String> members,
    String origin) {

  /** A pool given on the command line, as {@code xe vm-migrate remote-master=} does. */
  public static PoolProfile remote(
      String master, String username, PasswordOrigin password, Optional<String> fingerprint) {
    return new PoolProfile(
        master,
        Optional.empty(),
        master,
        username,
        password,
        fingerprint,
        false,
        ImmutableList.of(),
        "remote-master=");
  }

  /**
   * A pool reached through a session XCP-ng Center or XenCenter passed: no login, no logout, trust
   * on first use as for any profile without a pin.
   *
   * @param url the coordinator's URL as XenCenter gives it, for example {@code https://host:443/}
   * @param uuid the pool's UUID when known (XenCenter passes it when a pool is selected)
   */
  public static PoolProfile reusing(
      String name, String url, Secret session, Optional<String> uuid) {
    return new PoolProfile(
        name,
        uuid,
        url,
        "",
        new PasswordOrigin.ExistingSession(session),
        Optional.empty(),
        false,
        ImmutableList.of(),
        "XenCenter's session");
  }

  /** The same profile, knowing its pool's UUID (plans name their pools by UUID). */
  public PoolProfile withUuid(String poolUuid) {
    return new PoolProfile(
        name,
        Optional.of(poolUuid),
        address,
        username,
        password,
        tlsFingerprint,
        insecure,
        members,
        origin);
  }

  /** Whether the client reuses a session instead of logging in. */
  public boolean reusesSession() {
    return password instanceof PasswordOrigin.ExistingSession;
  }

  /** Whether {@code nameOrUuid} names this pool. */
  public boolean answersTo(String nameOrUuid) {
    return name.equals(nameOrUuid) || uuid.map(nameOrUuid::equalsIgnoreCase).orElse(false);
  }

  @Override
  public String toString() {
    return "PoolProfile[" + name + " at " + address + " from " + origin + "]";
  }
}
