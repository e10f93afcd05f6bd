package io.xemigrate.tests.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: what a file cites is a section of {@code docs/} that exists, or
 * an upstream source file named by project and path; never a document outside the repository, a
 * numbered section of one (the section sign), or a path of a build machine. Reads every text file
 * under the repository root, build output and version-control data left out.
 */
class RepositoryCitationsTest {
  /**
   * Names of documents that were never in the repository, and the section sign their citations
   * used. Split, so that this file does not match the searches it stands for.
   */
  private static final List<String> OUTSIDE_DOCUMENTS =
      List.of(
          "xapi" + "-semantics",
          "migration" + "-physics",
          "failure" + "-and-security",
          "prior" + "-art",
          "style" + "-by-example",
          "shared" + "/reference",
          "\u00a7");

  /** Home and work directories of build machines. */
  private static final List<String> MACHINE_PATHS =
      List.of("/" + "work/", "/" + "root/", "/" + "home/", "/" + "Users/");

  /**
   * A cited section: the docs folder, a page and an anchor, also as a relative link from a README.
   */
  private static final Pattern DOCS_CITATION =
      Pattern.compile("(?<![\\w/.-])(?:\\.\\./)*docs/([\\w-]+\\.md)(?:#([\\w-]+))?");

  /** A link between the pages of {@code docs/}: {@code (page.md#anchor)} or {@code (#anchor)}. */
  private static final Pattern DOCS_LINK =
      Pattern.compile("\\]\\(([\\w-]+\\.md)?(?:#([\\w-]+))?\\)");

  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*$");
  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of(".git", "target", "node_modules", ".idea");
  private static final long LARGEST_TEXT_FILE = 1 << 20;

  /** Split like the names above, so that the samples below are not citations themselves. */
  private static final String DOCS = "docs" + "/";

  private static final Path ROOT = repositoryRoot();

  @Test
  void noFileCitesADocumentOutsideTheRepository() {
    assertThat(findings(OUTSIDE_DOCUMENTS)).isEmpty();
  }

  @Test
  void noFileNamesAPathOfABuildMachine() {
    assertThat(findings(MACHINE_PATHS)).isEmpty();
  }

  @Test
  void everyCitedDocsSectionExists() {
    List<String> broken = new ArrayList<>();
    for (TextFile file : textFiles()) {
      if (file.isJavaOrMarkdown()) {
        broken.addAll(brokenCitations(file, DOCS_CITATION, ROOT.resolve("docs")));
      }
      if (file.path().startsWith(ROOT.resolve("docs")) && file.isMarkdown()) {
        broken.addAll(brokenCitations(file, DOCS_LINK, file.path().getParent()));
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theDocsFolderHasItsPages() {
    assertThat(ROOT.resolve("docs"))
        .isDirectoryContaining("glob:**/xapi-behaviour.md")
        .isDirectoryContaining("glob:**/migration-model.md")
        .isDirectoryContaining("glob:**/failure-semantics.md");
  }

  @Test
  void theChecksFindWhatTheyLookFor() {
    Path page = ROOT.resolve("docs/xapi-behaviour.md");
    TextFile sample =
        new TextFile(
            ROOT.resolve("Sample.java"),
            List.of(
                "/** See " + OUTSIDE_DOCUMENTS.get(0) + ".md \u00a74.7. */",
                "// built in " + MACHINE_PATHS.get(0) + "x",
                "/** "
                    + DOCS
                    + "xapi-behaviour.md#memory-arithmetic, "
                    + DOCS
                    + "xapi-behaviour.md#no-such */",
                "/** " + DOCS + "no-such-page.md */"));

    assertThat(sample.lines(OUTSIDE_DOCUMENTS)).hasSize(2);
    assertThat(sample.lines(MACHINE_PATHS)).hasSize(1);
    assertThat(brokenCitations(sample, DOCS_CITATION, page.getParent()))
        .containsExactly(
            "Sample.java:3: " + DOCS + "xapi-behaviour.md#no-such",
            "Sample.java:4: " + DOCS + "no-such-page.md");
    assertThat(anchors(page)).contains("memory-arithmetic", "cbt-and-encryption");
  }

  private static List<String> findings(List<String> needles) {
    return textFiles().stream().flatMap(file -> file.lines(needles).stream()).toList();
  }

  private static List<String> brokenCitations(TextFile file, Pattern citation, Path pageFolder) {
    List<String> broken = new ArrayList<>();
    for (int i = 0; i < file.lines().size(); i++) {
      Matcher matcher = citation.matcher(file.lines().get(i));
      while (matcher.find()) {
        Path page = matcher.group(1) == null ? file.path() : pageFolder.resolve(matcher.group(1));
        String anchor = matcher.group(2);
        boolean resolves =
            Files.isRegularFile(page) && (anchor == null || anchors(page).contains(anchor));
        if (!resolves) {
          broken.add(file.where(i) + ": " + matcher.group().replaceFirst("^\\]\\(|\\)$", ""));
        }
      }
    }
    return broken;
  }

  /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as '-'. */
  static Set<String> anchors(Path page) {
    return read(page).stream()
        .map(HEADING::matcher)
        .filter(Matcher::matches)
        .map(heading -> slug(heading.group(1)))
        .collect(Collectors.toSet());
  }

  private static String slug(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  private static List<TextFile> textFiles() {
    try (Stream<Path> paths = Files.walk(ROOT)) {
      return paths
          .filter(path -> !isSkipped(path))
          .filter(Files::isRegularFile)
          .filter(RepositoryCitationsTest::isText)
          .map(path -> new TextFile(path, read(path)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isSkipped(Path path) {
    Path relative = ROOT.relativize(path);
    for (Path part : relative) {
      if (SKIPPED_DIRECTORIES.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isText(Path path) {
    try {
      if (Files.size(path) > LARGEST_TEXT_FILE) {
        return false;
      }
      for (byte b : Files.readAllBytes(path)) {
        if (b == 0) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new String(bytes, StandardCharsets.UTF_8).lines().toList();
  }

  /** The repository root: the nearest folder upwards with the Maven wrapper and {@code docs/}. */
  private static Path repositoryRoot() {
    Path folder = Path.of("").toAbsolutePath();
    while (folder != null) {
      if (Files.isRegularFile(folder.resolve("mvnw"))
          && Files.isDirectory(folder.resolve("docs"))) {
        return folder;
      }
      folder = folder.getParent();
    }
    throw new IllegalStateException("no repository root (mvnw and docs/) above the working folder");
  }

  /** One file's lines, named relative to the repository root. */
  private record TextFile(Path path, List<String> lines) {
    List<String> lines(List<String> needles) {
      List<String> found = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        for (String needle : needles) {
          if (lines.get(i).contains(needle)) {
            found.add(where(i) + ": " + needle);
          }
        }
      }
      return found;
    }

    String where(int index) {
      return ROOT.relativize(path) + ":" + (index + 1);
    }

    boolean isMarkdown() {
      return path.toString().endsWith(".md");
    }

    boolean isJavaOrMarkdown() {
      return isMarkdown() || path.toString().endsWith(".java");
    }
  }
}
