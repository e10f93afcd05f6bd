package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.pools.ConfigPaths;
import io.xemigrate.coordinator.pools.PasswordOrigin;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.coordinator.pools.ProfileValues;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The pool parameters shared by every command that talks to pools: {@code pools=FILE}, {@code
 * insecure=true}, and the destination given like {@code xe vm-migrate} does ({@code
 * remote-master=}, {@code remote-username=}, {@code remote-password-file=}, plus {@code
 * remote-fingerprint=} to pin its certificate).
 */
public final class PoolParameters {
  /** Keys to add to a command's {@link io.xemigrate.plugin.cli.Command#keys()}. */
  public static final ImmutableSet<String> KEYS =
      ImmutableSet.of(
          "pools",
          "insecure",
          "remote-master",
          "remote-username",
          "remote-password-file",
          "remote-fingerprint");

  private final Arguments arguments;
  private final PoolDirectory directory;
  private final PoolConnector connector;

  private PoolParameters(Arguments arguments, PoolDirectory directory, PoolConnector connector) {
    this.arguments = arguments;
    this.directory = directory;
    this.connector = connector;
  }

  /**
   * Reads {@code pools=} (or the default profile file) and {@code insecure=}; the pools the caller
   * gave with the arguments (XCP-ng Center's sessions) come first.
   */
  public static PoolParameters from(
      Arguments arguments, Map<String, String> environment, Consumer<String> warnings) {
    ConfigPaths paths = ConfigPaths.fromEnvironment(environment);
    boolean insecure = parseBoolean("insecure", arguments.optional("insecure").orElse("false"));
    PoolDirectory directory =
        PoolDirectory.locate(arguments.optional("pools"), paths).withFirst(arguments.givenPools());
    return new PoolParameters(
        arguments, directory, new PoolConnector(paths, environment, warnings).insecure(insecure));
  }

  public PoolDirectory directory() {
    return directory;
  }

  public PoolConnector connector() {
    return connector;
  }

  /** The pool named by {@code key=} (a profile name or pool UUID); required. */
  public PoolProfile pool(String key) {
    return directory.resolve(arguments.required(key), key);
  }

  /** The pool named by {@code key=}, if given. */
  public Optional<PoolProfile> optionalPool(String key) {
    return arguments.optional(key).map(name -> directory.resolve(name, key));
  }

  /**
   * The destination: {@code remote-master=} with its user and password file, or {@code key=} from
   * the profiles; empty when neither is given (the move stays in its pool).
   */
  public Optional<PoolProfile> destination(String key) {
    Optional<String> master = arguments.optional("remote-master");
    if (master.isEmpty()) {
      for (String remote : KEYS.asList().subList(3, 6)) {
        if (arguments.optional(remote).isPresent()) {
          throw new UsageException(remote + "= needs remote-master=: add remote-master=HOST");
        }
      }
      return optionalPool(key);
    }
    if (arguments.optional(key).isPresent()) {
      throw new UsageException(
          "give either " + key + "= or remote-master=, not both: remove one of them");
    }
    ProfileValues.addressProblem(master.get())
        .ifPresent(
            problem -> {
              throw new UsageException("bad remote-master=" + master.get() + ": " + problem);
            });
    Optional<String> fingerprint = arguments.optional("remote-fingerprint");
    if (fingerprint.isPresent() && !ProfileValues.fingerprint(fingerprint.get())) {
      throw new UsageException(
          "bad remote-fingerprint="
              + fingerprint.get()
              + ": not a SHA-256 fingerprint (64 hex digits, colons between bytes allowed)");
    }
    String username = arguments.required("remote-username");
    Path passwordFile = Path.of(arguments.required("remote-password-file"));
    return Optional.of(
        PoolProfile.remote(
            master.get(), username, new PasswordOrigin.FromFile(passwordFile), fingerprint));
  }

  static boolean parseBoolean(String key, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new UsageException(
              "parameter '" + key + "' must be true or false, not '" + value + "'");
    };
  }
}
