package io.xemigrate.coordinator.pools;

import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.XapiEventListener;
import io.xemigrate.xapi.XapiException;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Opens {@link PoolClient}s for {@link PoolProfile}s with the right trust: the pinned fingerprint
 * when the profile has one, else trust on first use with the known-pools file; no verification only
 * when the profile or the command says {@code insecure=true}. Connection failures become one-line
 * {@link PoolConnectionException}s.
 */
public final class PoolConnector {
  private final ConfigPaths paths;
  private final Map<String, String> environment;
  private final boolean insecure;
  private final Consumer<String> warnings;

  /**
   * @param warnings receives one-line warnings (an insecure connection), never a secret
   */
  public PoolConnector(
      ConfigPaths paths, Map<String, String> environment, Consumer<String> warnings) {
    this(paths, environment, false, warnings);
  }

  private PoolConnector(
      ConfigPaths paths,
      Map<String, String> environment,
      boolean insecure,
      Consumer<String> warnings) {
    this.paths = paths;
    this.environment = Map.copyOf(environment);
    this.insecure = insecure;
    this.warnings = warnings;
  }

  /** The same connector with TLS verification off for every pool (explicit {@code insecure=}). */
  public PoolConnector insecure(boolean turnedOff) {
    return new PoolConnector(paths, environment, turnedOff, warnings);
  }

  /** The client settings for a profile; checks the password can be read first. */
  public ClientSettings settings(PoolProfile profile) {
    if (profile.address().startsWith("http://") && profile.reusesSession()) {
      throw new PoolProfileException(
          profile.name(),
          "XenCenter is connected to "
              + profile.address()
              + " over plain HTTP: xe-migrate speaks only HTTPS; connect XenCenter over HTTPS");
    }
    if (profile.address().startsWith("http://")) {
      throw new PoolProfileException(
          profile.name(),
          "pool '"
              + profile.name()
              + "' ("
              + profile.origin()
              + ") is plain HTTP: xe-migrate speaks only HTTPS; serve the simulator without"
              + " plain-http=true");
    }
    if (profile.password() instanceof PasswordOrigin.ExistingSession existing) {
      return ClientSettings.reuse(profile.address(), existing.session())
          .withTrust(trust(profile))
          .withListener(new Listener(profile.name(), warnings));
    }
    PasswordSource password = profile.password().open(profile.name(), environment);
    return ClientSettings.login(profile.address(), profile.username(), password)
        .withTrust(trust(profile))
        .withListener(new Listener(profile.name(), warnings))
        .withKnownMembers(profile.members());
  }

  /**
   * Opens and logs in (or reuses the profile's session); the caller closes the client
   * (try-with-resources), which logs out only a session the client opened itself.
   */
  public PoolClient connect(PoolProfile profile) {
    ClientSettings settings = settings(profile);
    try {
      return XapiClients.connect(settings);
    } catch (XapiException e) {
      throw ConnectionFailures.describe(profile, e);
    } catch (RuntimeException e) {
      // The client's transport failures are not all XapiExceptions (a refused connection).
      throw ConnectionFailures.unreachable(profile, e);
    }
  }

  /** Opens a session, runs {@code work}, and logs out whatever happens. */
  public <T> T withClient(PoolProfile profile, Function<PoolClient, T> work) {
    try (PoolClient client = connect(profile)) {
      return work.apply(client);
    } catch (XapiException e) {
      throw ConnectionFailures.describe(profile, e);
    } catch (PoolConnectionException | BadRequestException | PoolProfileException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ConnectionFailures.unreachable(profile, e);
    }
  }

  /** One snapshot of a pool's inventory, in a session of its own. */
  public PoolInventory loadInventory(PoolProfile profile) {
    return withClient(profile, PoolClient::loadInventory);
  }

  private TrustPolicy trust(PoolProfile profile) {
    if (profile.tlsFingerprint().isPresent()) {
      return TrustPolicy.pinned(profile.tlsFingerprint().get());
    }
    if (insecure || profile.insecure()) {
      return TrustPolicy.insecure();
    }
    return TrustPolicy.trustOnFirstUse(paths.knownPoolsFile());
  }

  /** Silent except for the one thing a user must see: TLS verification is off. */
  private record Listener(String pool, Consumer<String> warnings) implements XapiEventListener {
    @Override
    public void insecureTls(String address) {
      warnings.accept(
          "TLS verification is off for pool '" + pool + "' (" + address + "): insecure=true");
    }
  }
}
