package io.xemigrate.plugin.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Every file the command line writes for the user ({@code out=}, {@code endpoints-out=}): written
 * to a new file in the target's directory (created exclusively, owner-only when it holds a secret),
 * flushed to disk, then renamed over the target in one step. A symbolic link at the target is
 * refused, never followed; so is a file another user owns, a directory or a device. A reader sees
 * the old file or the new one, never half of one, and no other user can have the new one open.
 */
record OutputFile(String parameter, Path target) {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> READABLE =
      PosixFilePermissions.fromString("rw-r--r--");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The target of {@code parameter=value}, checked at once (before any work is done for it). */
  static OutputFile of(String parameter, String value) {
    return new OutputFile(parameter, Path.of(value)).checked();
  }

  /** Refuses a target that is a link, not a regular file, another user's, or in no directory. */
  OutputFile checked() {
    if (Files.isSymbolicLink(target)) {
      throw refused("is a symbolic link: give the path of a regular file (links are not followed)");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        throw refused("is a directory: give a file name");
      }
      if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        throw refused("is not a regular file");
      }
      if (!ownedByMe(target)) {
        throw refused("belongs to another user: give a new file name");
      }
    }
    Path directory = directory();
    if (!Files.isDirectory(directory)) {
      throw refused("is in no existing directory: create " + directory + " first");
    }
    if (!Files.isWritable(directory)) {
      throw refused("cannot be written: the directory " + directory + " is not writable");
    }
    return this;
  }

  /** Writes {@code text} as described above; {@code secret} makes the file owner-only. */
  void write(String text, boolean secret) {
    write(text.getBytes(StandardCharsets.UTF_8), secret);
  }

  void write(byte[] content, boolean secret) {
    checked();
    Path temporary = null;
    try {
      temporary = createTemporary(secret);
      try (OutputStream out =
              Files.newOutputStream(
                  temporary, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
          FileChannel sync = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        out.write(content);
        out.flush();
        sync.force(true);
      }
      // The umask may have taken bits away; never adds any beyond these.
      setPermissions(temporary, secret ? OWNER_ONLY : READABLE);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
    } catch (IOException e) {
      throw refused("cannot be written: " + Messages.plain(e.getMessage()));
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // Best effort: a hidden temporary file may stay behind.
        }
      }
    }
  }

  private Path createTemporary(boolean secret) throws IOException {
    Path directory = directory();
    String base = "." + target.getFileName() + ".";
    for (int attempt = 0; ; attempt++) {
      byte[] random = new byte[6];
      RANDOM.nextBytes(random);
      Path candidate = directory.resolve(base + HexFormat.of().formatHex(random) + ".tmp");
      try {
        return posix()
            ? Files.createFile(candidate, attribute(OWNER_ONLY))
            : Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw e;
        }
      }
    }
  }

  private Path directory() {
    Path parent = target.toAbsolutePath().getParent();
    return parent == null ? target.toAbsolutePath().getRoot() : parent;
  }

  private static boolean posix() {
    return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(
      Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }

  private static void setPermissions(Path file, Set<PosixFilePermission> permissions)
      throws IOException {
    if (posix()) {
      Files.setPosixFilePermissions(file, permissions);
    }
  }

  private static boolean ownedByMe(Path file) {
    try {
      UserPrincipal owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS);
      return owner.getName().equals(System.getProperty("user.name"));
    } catch (IOException | UnsupportedOperationException e) {
      return true;
    }
  }

  private UsageException refused(String reason) {
    return new UsageException("the file " + target + " given by " + parameter + "= " + reason);
  }
}
