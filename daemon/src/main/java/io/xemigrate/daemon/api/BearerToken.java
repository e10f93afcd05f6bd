package io.xemigrate.daemon.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;

/**
 * The API's bearer token, read once from its file at start. The token is never logged and never in
 * a message; requests are compared with it in constant time (digests of equal length compared with
 * {@link MessageDigest#isEqual}), so neither content nor length leaks through timing.
 */
final class BearerToken {
  /** Shortest token accepted: 16 characters, so a guessable word is refused at start. */
  static final int MIN_LENGTH = 16;

  private final byte[] digest;

  private BearerToken(byte[] digest) {
    this.digest = digest;
  }

  /**
   * Reads the first line of {@code file}. Refuses (one line, {@link ApiStartException}) a missing
   * or unreadable file, an empty or short token, and a file users other than its owner may read
   * (group or others).
   */
  static BearerToken read(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ApiStartException(
          "cannot read the API token file "
              + file
              + ": create it with one line holding the token (mode 0600)");
    }
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    List<String> lines;
    try {
      if (posix != null) {
        Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
        if (permissions.contains(PosixFilePermission.OTHERS_READ)
            || permissions.contains(PosixFilePermission.GROUP_READ)) {
          throw new ApiStartException(
              "the API token file "
                  + file
                  + " is readable by users other than its owner: chmod 600 "
                  + file);
        }
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ApiStartException(
          "cannot read the API token file " + file + ": " + e.getClass().getSimpleName());
    }
    String token = lines.isEmpty() ? "" : lines.get(0).strip();
    if (token.length() < MIN_LENGTH) {
      throw new ApiStartException(
          "the API token file "
              + file
              + " holds "
              + (token.isEmpty()
                  ? "no token"
                  : "a token shorter than " + MIN_LENGTH + " characters")
              + ": write a random token on its first line (e.g. openssl rand -hex 32)");
    }
    return new BearerToken(sha256(token));
  }

  /** Whether an Authorization header carries this token. */
  boolean accepts(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(digest, sha256(authorization.substring(7).strip()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
