package io.xemigrate.coordinator.pools;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.xapi.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a profile file: {@code pools.yaml}, or the simulator's endpoints file (JSON, the same shape
 * with {@code master}, {@code password} and {@code hosts}). Every mistake is one line naming the
 * file and the line of the pool entry.
 */
final class ProfileFileReader {
  private static final ImmutableSet<String> KEYS =
      ImmutableSet.of(
          "name",
          "uuid",
          "url",
          "master",
          "username",
          "password",
          "passwordFile",
          "passwordEnv",
          "tlsFingerprint",
          "insecure",
          "members",
          "hosts");

  private ProfileFileReader() {}

  static ImmutableList<PoolProfile> read(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new BadRequestException(
          "cannot read the pool profile file " + file + ": check pools= or create the file");
    }
    // Only the simulator's endpoints file (JSON) may carry a password in clear.
    boolean endpointsFile = file.getFileName().toString().endsWith(".json");
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    List<PoolProfile> profiles = new ArrayList<>();
    try (JsonParser parser = mapper.createParser(file.toFile())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw malformed(file, parser.currentLocation().getLineNr(), "expected a map with 'pools:'");
      }
      boolean sawPools = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!field.equals("pools")) {
          parser.skipChildren();
          continue;
        }
        sawPools = true;
        if (value != JsonToken.START_ARRAY) {
          throw malformed(file, parser.currentLocation().getLineNr(), "'pools' must be a list");
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          int line = parser.currentTokenLocation().getLineNr();
          JsonNode entry = parser.readValueAsTree();
          profiles.add(profile(file, line, entry, endpointsFile));
        }
      }
      if (!sawPools) {
        throw malformed(file, 1, "no 'pools:' list");
      }
    } catch (JsonProcessingException e) {
      throw malformed(
          file, e.getLocation() == null ? 1 : e.getLocation().getLineNr(), e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRequestException(
          "cannot read the pool profile file " + file + ": " + e.getMessage());
    }
    checkUnique(file, profiles);
    return ImmutableList.copyOf(profiles);
  }

  private static PoolProfile profile(Path file, int line, JsonNode entry, boolean endpointsFile) {
    if (!entry.isObject()) {
      throw malformed(file, line, "a pool entry must be a map");
    }
    for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!KEYS.contains(key)) {
        throw malformed(file, line, "unknown key '" + key + "' (known: " + KEYS + ")");
      }
    }
    String name = text(file, line, entry, "name").orElseThrow(() -> missing(file, line, "name"));
    String address =
        text(file, line, entry, "url")
            .or(() -> text(file, line, entry, "master"))
            .orElseThrow(() -> missing(file, line, "url"));
    String username =
        text(file, line, entry, "username").orElseThrow(() -> missing(file, line, "username"));
    PasswordOrigin password = password(file, line, entry, endpointsFile);
    ProfileValues.addressProblem(address)
        .ifPresent(problem -> malformedValue(file, line, "url", problem));
    Optional<String> fingerprint =
        text(file, line, entry, "tlsFingerprint").filter(f -> !f.isBlank());
    if (fingerprint.isPresent() && !ProfileValues.fingerprint(fingerprint.get())) {
      malformedValue(
          file,
          line,
          "tlsFingerprint",
          "not a SHA-256 fingerprint (64 hex digits, colons between bytes allowed)");
    }
    boolean insecure = entry.path("insecure").asBoolean(false);
    for (String list : List.of("members", "hosts")) {
      if (entry.has(list) && !entry.get(list).isArray()) {
        throw malformed(file, line, "'" + list + "' must be a list");
      }
    }
    ImmutableList.Builder<String> members = ImmutableList.builder();
    entry.path("members").forEach(member -> members.add(member.asText()));
    entry.path("hosts").forEach(host -> members.add(host.path("url").asText()));
    return new PoolProfile(
        name,
        text(file, line, entry, "uuid"),
        address,
        username,
        password,
        fingerprint,
        insecure,
        members.build(),
        file + ":" + line);
  }

  private static PasswordOrigin password(
      Path file, int line, JsonNode entry, boolean endpointsFile) {
    Optional<String> inline = text(file, line, entry, "password");
    Optional<String> path = text(file, line, entry, "passwordFile");
    Optional<String> variable = text(file, line, entry, "passwordEnv");
    int given = (inline.isPresent() ? 1 : 0) + (path.isPresent() ? 1 : 0);
    given += variable.isPresent() ? 1 : 0;
    if (given != 1) {
      throw malformed(file, line, "give exactly one of passwordFile or passwordEnv");
    }
    if (inline.isPresent()) {
      if (!endpointsFile) {
        throw malformed(
            file, line, "a password in clear is refused: use passwordFile or passwordEnv");
      }
      return new PasswordOrigin.Inline(Secret.of(inline.get()));
    }
    return path.<PasswordOrigin>map(p -> new PasswordOrigin.FromFile(resolve(file, p)))
        .orElseGet(() -> new PasswordOrigin.FromEnvironment(variable.get()));
  }

  /** {@code ~/} is the home directory; a relative path is relative to the profile file. */
  private static Path resolve(Path profileFile, String path) {
    if (path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"), path.substring(2));
    }
    Path parent = profileFile.toAbsolutePath().getParent();
    return parent == null ? Path.of(path) : parent.resolve(path);
  }

  private static Optional<String> text(Path file, int line, JsonNode entry, String key) {
    JsonNode node = entry.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isValueNode()) {
      throw malformed(file, line, "'" + key + "' must be a single value");
    }
    return Optional.of(node.asText());
  }

  private static void checkUnique(Path file, List<PoolProfile> profiles) {
    List<String> seen = new ArrayList<>();
    for (PoolProfile profile : profiles) {
      if (seen.contains(profile.name())) {
        throw new BadRequestException(
            "pool profile file "
                + profile.origin()
                + ": the name '"
                + profile.name()
                + "' is used twice in "
                + file.getFileName()
                + ": rename one");
      }
      seen.add(profile.name());
    }
  }

  private static void malformedValue(Path file, int line, String key, String problem) {
    throw malformed(file, line, "bad '" + key + "': " + problem);
  }

  private static BadRequestException missing(Path file, int line, String key) {
    return malformed(file, line, "the pool entry has no '" + key + "'");
  }

  private static BadRequestException malformed(Path file, int line, String what) {
    String oneLine = what == null ? "unreadable" : what.replace('\n', ' ').strip();
    return new BadRequestException(
        "malformed pool profile file " + file + ":" + line + ": " + oneLine);
  }
}
