package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.pools.PoolProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code key=value} parameters of one command, in the style of {@code xe}. Keys are checked
 * against the command's declared set, so a typo is reported instead of ignored.
 */
public final class Arguments {
  private final String command;
  private final ImmutableMap<String, String> values;
  private final ImmutableList<PoolProfile> givenPools;

  private Arguments(
      String command, ImmutableMap<String, String> values, ImmutableList<PoolProfile> givenPools) {
    this.command = command;
    this.values = values;
    this.givenPools = givenPools;
  }

  /**
   * Parses {@code key=value} tokens.
   *
   * @param allowedKeys the exact keys the command accepts
   * @param allowedPrefixes key prefixes such as {@code vdi:} that take a free suffix
   */
  public static Arguments parse(
      String command, List<String> tokens, Set<String> allowedKeys, Set<String> allowedPrefixes) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String token : tokens) {
      int equals = token.indexOf('=');
      if (equals <= 0) {
        throw new UsageException(
            "'"
                + token
                + "' is not a parameter: "
                + command
                + " takes key=value parameters; see 'xe-migrate help "
                + command
                + "'");
      }
      String key = token.substring(0, equals);
      String value = token.substring(equals + 1);
      boolean known =
          allowedKeys.contains(key) || allowedPrefixes.stream().anyMatch(key::startsWith);
      if (!known) {
        throw new UsageException(
            "unknown parameter '"
                + key
                + "' for "
                + command
                + "; see 'xe-migrate help "
                + command
                + "'");
      }
      if (value.isEmpty()) {
        throw new UsageException("parameter '" + key + "' has no value: write " + key + "=VALUE");
      }
      if (values.putIfAbsent(key, value) != null) {
        throw new UsageException("parameter '" + key + "' is given twice: give it once");
      }
    }
    return new Arguments(command, ImmutableMap.copyOf(values), ImmutableList.of());
  }

  public static Arguments none(String command) {
    return new Arguments(command, ImmutableMap.of(), ImmutableList.of());
  }

  /**
   * The same parameters plus pools that come with the invocation rather than from a profile file:
   * the sessions XCP-ng Center passes to its plugins (never a {@code key=value}, so a session
   * reference never has to be typed or shown).
   */
  public Arguments withPools(List<PoolProfile> pools) {
    return new Arguments(command, values, ImmutableList.copyOf(pools));
  }

  /** The pools given with {@link #withPools}; empty for an ordinary command line. */
  public ImmutableList<PoolProfile> givenPools() {
    return givenPools;
  }

  public Optional<String> optional(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public String required(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new UsageException(
          "missing parameter '" + key + "' for " + command + ": add " + key + "=VALUE");
    }
    return value;
  }

  public ImmutableSet<String> keys() {
    return values.keySet();
  }
}
