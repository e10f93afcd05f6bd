package io.xemigrate.coordinator.pools;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.BadRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pools the user has named: the entries of one profile file ({@code pools=FILE}, else {@code
 * ~/.config/xe-migrate/pools.yaml}, which may be absent). Resolves a pool by name or UUID.
 */
public final class PoolDirectory {
  private final ImmutableList<PoolProfile> profiles;
  private final Optional<Path> file;

  private PoolDirectory(ImmutableList<PoolProfile> profiles, Optional<Path> file) {
    this.profiles = profiles;
    this.file = file;
  }

  /** Reads one profile file (YAML, or the simulator's JSON endpoints file). */
  public static PoolDirectory load(Path file) {
    return new PoolDirectory(ProfileFileReader.read(file), Optional.of(file));
  }

  /**
   * The file named by {@code pools=} (which must exist), else the default file when it exists, else
   * an empty directory.
   */
  public static PoolDirectory locate(Optional<String> poolsParameter, ConfigPaths paths) {
    if (poolsParameter.isPresent()) {
      Path given = Path.of(poolsParameter.get());
      if (!Files.isReadable(given)) {
        throw new BadRequestException(
            "cannot read the file "
                + given
                + " given by pools=: name a pools.yaml or a simulator endpoints file");
      }
      return load(given);
    }
    Path standard = paths.poolsFile();
    return Files.exists(standard)
        ? load(standard)
        : new PoolDirectory(ImmutableList.of(), Optional.empty());
  }

  /** For tests and callers that build profiles themselves. */
  public static PoolDirectory of(List<PoolProfile> profiles) {
    return new PoolDirectory(ImmutableList.copyOf(profiles), Optional.empty());
  }

  /**
   * This directory with {@code first} ahead of its own profiles, so they win a name clash: the
   * pools of the sessions XCP-ng Center passed.
   */
  public PoolDirectory withFirst(List<PoolProfile> first) {
    if (first.isEmpty()) {
      return this;
    }
    return new PoolDirectory(
        ImmutableList.<PoolProfile>builder().addAll(first).addAll(profiles).build(), file);
  }

  public ImmutableList<PoolProfile> profiles() {
    return profiles;
  }

  /**
   * The pool named {@code nameOrUuid}.
   *
   * @param parameter the command-line parameter that named it, for the message
   * @throws BadRequestException naming the parameter, the known pools and the file
   */
  public PoolProfile resolve(String nameOrUuid, String parameter) {
    return profiles.stream()
        .filter(profile -> profile.answersTo(nameOrUuid))
        .findFirst()
        .orElseThrow(() -> unknown(nameOrUuid, parameter));
  }

  private BadRequestException unknown(String nameOrUuid, String parameter) {
    if (file.isEmpty()) {
      return new BadRequestException(
          "unknown pool '"
              + nameOrUuid
              + "' in "
              + parameter
              + "=: no pool profile file; create ~/.config/xe-migrate/pools.yaml or pass pools=FILE");
    }
    String known = profiles.stream().map(PoolProfile::name).collect(Collectors.joining(", "));
    return new BadRequestException(
        "unknown pool '"
            + nameOrUuid
            + "' in "
            + parameter
            + "=: "
            + file.get().getFileName()
            + " names "
            + (known.isEmpty() ? "no pool" : known));
  }
}
