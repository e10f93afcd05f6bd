package io.xemigrate.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files: a new file renamed into place, never through a link, owner-only when secret. */
class OutputFileTest {
  @TempDir Path dir;

  @Test
  void aSymbolicLinkIsRefusedAndItsTargetKept() throws IOException {
    Path target = Files.writeString(dir.resolve("precious.txt"), "keep me");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);

    assertThatThrownBy(() -> OutputFile.of("out", link.toString()))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "the file "
                + link
                + " given by out= is a symbolic link: give the path of a regular file (links are"
                + " not followed)");
    assertThatThrownBy(() -> new OutputFile("out", link).write("{}", false))
        .isInstanceOf(UsageException.class);
    assertThat(Files.readString(target)).isEqualTo("keep me");
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void aFileOthersCouldWriteIsReplacedByANewOwnerOnlyFile() throws IOException {
    Path existing = Files.writeString(dir.resolve("ep.json"), "old");
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw-rw-"));
    Object before = Files.readAttributes(existing, "unix:ino").get("ino");

    OutputFile.of("endpoints-out", existing.toString()).write("{\"password\":\"x\"}", true);

    assertThat(Files.readString(existing, StandardCharsets.UTF_8))
        .isEqualTo("{\"password\":\"x\"}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)))
        .isEqualTo("rw-------");
    // A new file (another inode): whoever had the old one open cannot read the new content.
    assertThat(Files.readAttributes(existing, "unix:ino").get("ino")).isNotEqualTo(before);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).containsExactly(existing);
    }
  }

  @Test
  void aPlanFileIsReadableAndWrittenWhole() throws IOException {
    Path plan = dir.resolve("plan.json");
    OutputFile.of("out", plan.toString()).write("{\"moves\":[]}\n", false);

    assertThat(Files.readString(plan)).isEqualTo("{\"moves\":[]}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plan)))
        .isEqualTo("rw-r--r--");
    assertThat(Files.isSymbolicLink(plan)).isFalse();
    assertThat(Files.isRegularFile(plan, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void aDirectoryOrAMissingFolderIsOneLine() {
    assertThatThrownBy(() -> OutputFile.of("out", dir.toString()))
        .hasMessageEndingWith("is a directory: give a file name");
    assertThatThrownBy(() -> OutputFile.of("out", dir.resolve("no/plan.json").toString()))
        .hasMessageContaining("is in no existing directory");
  }
}
