package io.xemigrate.plugin.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file the user names in a parameter, checked before it is read: it exists, is a regular file
 * (not a directory, a device such as {@code /dev/zero} or a pipe), is readable and is no larger
 * than the limit; its text is UTF-8. Every refusal is one line naming the parameter and the file.
 */
record InputFile(String parameter, Path path) {
  /** Plan files and configuration files are kilobytes; this leaves room and refuses the absurd. */
  static final long DEFAULT_LIMIT = 16L * 1024 * 1024;

  /** The file given by {@code parameter=value}. */
  static InputFile of(String parameter, String value) {
    return new InputFile(parameter, Path.of(value));
  }

  /** Checks the file as above, without reading it. */
  InputFile check(long limit) {
    if (!Files.exists(path)) {
      throw refused("does not exist");
    }
    if (Files.isDirectory(path)) {
      throw refused("is a directory: give a file");
    }
    if (!Files.isRegularFile(path)) {
      throw refused("is not a regular file");
    }
    if (!Files.isReadable(path)) {
      throw refused("is not readable: check its permissions");
    }
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw refused("cannot be read");
    }
    if (size > limit) {
      throw refused("is larger than " + limit / (1024 * 1024) + " MiB");
    }
    return this;
  }

  /** The file's text, after {@link #check}. */
  String read(long limit) {
    check(limit);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw refused("cannot be read");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw refused("is not UTF-8 text");
    }
  }

  String read() {
    return read(DEFAULT_LIMIT);
  }

  /** A one-line refusal: {@code the file F given by P= REASON}. */
  UsageException refused(String reason) {
    return new UsageException("the file " + path + " given by " + parameter + "= " + reason);
  }
}
