import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build step of the packaging module (run by exec-maven-plugin with {@code java RpmChangelog.java},
 * no dependencies): writes the package's changelog into the .rpm that {@code de.dentrassi.maven:rpm}
 * built, since that plugin (1.13 and older) cannot write a {@code %changelog}. The entries come from
 * the Debian changelog ({@code src/deb/doc/changelog}), one source for both packages.
 *
 * <p>The RPM format (rpm's {@code doc/manual/format.md}): a 96-byte lead, the signature header
 * (padded to 8 bytes), the main header, the payload. A header is a preamble (magic, entry count,
 * store size), an index of 16-byte entries sorted by tag (tag, type, offset, count) and a data
 * store. The main header's first entry is its immutable region (tag 63) whose 16-byte trailer ends
 * the store. This step inserts CHANGELOGTIME (1080), CHANGELOGNAME (1081) and CHANGELOGTEXT (1082)
 * at their sorted place, their data at the matching place of the store (shifted by a multiple of 8,
 * so every later entry keeps its alignment), then recomputes what the signature header digests of
 * the main header: SHA-1 (269), SHA-256 (273), size (1000) and MD5 (1004) of header and payload. A
 * signed package is refused: changing its header would void the signature.
 */
public final class RpmChangelog {
  private static final int LEAD = 96;
  private static final int REGION = 63;
  private static final int CHANGELOG_TIME = 1080;
  private static final int CHANGELOG_NAME = 1081;
  private static final int CHANGELOG_TEXT = 1082;
  private static final int INT32 = 4;
  private static final int STRING_ARRAY = 8;
  private static final int SHA1 = 269;
  private static final int SHA256 = 273;
  private static final int SIZE = 1000;
  private static final int MD5 = 1004;
  /** Signature tags this step knows: what it recomputes, and what does not depend on the header. */
  private static final Set<Integer> KNOWN_SIGNATURE_TAGS =
      Set.of(62, SHA1, SHA256, SIZE, MD5, 1007, 270, 271);

  private RpmChangelog() {}

  /** One changelog entry as rpm keeps it. */
  record Entry(int time, String name, String text) {}

  /** An index entry of a header. */
  record IndexEntry(int tag, int type, int offset, int count) {
    IndexEntry shifted(int delta) {
      return new IndexEntry(tag, type, offset + delta, count);
    }
  }

  /** A header read from the file: its index and its data store. */
  record Header(List<IndexEntry> index, byte[] store, int length) {
    static Header read(byte[] file, int at) {
      ByteBuffer in = ByteBuffer.wrap(file);
      if (in.getInt(at) != 0x8eade801) {
        throw new IllegalArgumentException("no RPM header at byte " + at);
      }
      int count = in.getInt(at + 8);
      int size = in.getInt(at + 12);
      List<IndexEntry> index = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int entry = at + 16 + 16 * i;
        index.add(
            new IndexEntry(
                in.getInt(entry), in.getInt(entry + 4), in.getInt(entry + 8), in.getInt(entry + 12)));
      }
      int storeAt = at + 16 + 16 * count;
      return new Header(
          index, Arrays.copyOfRange(file, storeAt, storeAt + size), 16 + 16 * count + size);
    }

    byte[] bytes() {
      ByteBuffer out = ByteBuffer.allocate(16 + 16 * index.size() + store.length);
      out.putInt(0x8eade801).putInt(0).putInt(index.size()).putInt(store.length);
      for (IndexEntry entry : index) {
        out.putInt(entry.tag()).putInt(entry.type()).putInt(entry.offset()).putInt(entry.count());
      }
      return out.put(store).array();
    }

    IndexEntry entry(int tag) {
      return index.stream().filter(e -> e.tag() == tag).findFirst().orElse(null);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: RpmChangelog TARGET_DIRECTORY DEBIAN_CHANGELOG");
    }
    Path rpm = onlyRpm(Path.of(args[0]));
    List<Entry> entries = fromDebian(Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8));
    byte[] rewritten = withChangelog(Files.readAllBytes(rpm), entries);
    Path temporary = Files.createTempFile(rpm.getParent(), "changelog", ".rpm.tmp");
    Files.write(temporary, rewritten);
    Files.move(temporary, rpm, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("RpmChangelog: " + entries.size() + " changelog entries in " + rpm);
  }

  private static Path onlyRpm(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> rpms = files.filter(p -> p.getFileName().toString().endsWith(".rpm")).toList();
      if (rpms.size() != 1) {
        throw new IllegalArgumentException("expected one .rpm in " + directory + ": " + rpms);
      }
      return rpms.get(0);
    }
  }

  /**
   * The entries of a Debian changelog, newest first as both formats keep them: the heading's
   * version, the bullets as rpm's "- " lines, the trailer's maintainer and date.
   */
  static List<Entry> fromDebian(List<String> lines) {
    Pattern heading = Pattern.compile("^\\S+ \\(([^)]+)\\) .*$");
    Pattern trailer = Pattern.compile("^ -- (.+?)  (.+)$");
    List<Entry> entries = new ArrayList<>();
    String version = null;
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      Matcher start = heading.matcher(line);
      Matcher end = trailer.matcher(line);
      if (start.matches()) {
        version = start.group(1);
        text.setLength(0);
      } else if (end.matches() && version != null) {
        ZonedDateTime date = ZonedDateTime.parse(end.group(2), DateTimeFormatter.RFC_1123_DATE_TIME);
        entries.add(
            new Entry(
                Math.toIntExact(date.toEpochSecond()),
                end.group(1) + " - " + version,
                text.toString().strip()));
        version = null;
      } else if (line.startsWith("  * ")) {
        text.append("- ").append(line.substring(4).strip()).append('\n');
      } else if (!line.isBlank() && version != null) {
        text.append("  ").append(line.strip()).append('\n');
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("no entry in the Debian changelog");
    }
    return entries;
  }

  static byte[] withChangelog(byte[] file, List<Entry> entries) {
    Header signature = Header.read(file, LEAD);
    for (IndexEntry entry : signature.index()) {
      if (!KNOWN_SIGNATURE_TAGS.contains(entry.tag())) {
        throw new IllegalArgumentException(
            "signature tag " + entry.tag() + ": a signed package; add the changelog before signing");
      }
    }
    int mainAt = LEAD + signature.length() + padding(signature.length());
    Header main = Header.read(file, mainAt);
    Header changed = insert(main, entries);
    byte[] header = changed.bytes();
    byte[] payload = Arrays.copyOfRange(file, mainAt + main.length(), file.length);

    ByteBuffer out = ByteBuffer.allocate(mainAt + header.length + payload.length);
    out.put(file, 0, mainAt).put(header).put(payload);
    byte[] result = out.array();
    int signatureStore = LEAD + 16 + 16 * signature.index().size();
    putString(result, signatureStore, signature.entry(SHA1), hex("SHA-1", header));
    putString(result, signatureStore, signature.entry(SHA256), hex("SHA-256", header));
    IndexEntry size = signature.entry(SIZE);
    if (size != null) {
      ByteBuffer.wrap(result).putInt(signatureStore + size.offset(), header.length + payload.length);
    }
    IndexEntry md5 = signature.entry(MD5);
    if (md5 != null) {
      byte[] digest = digest("MD5", header, payload);
      System.arraycopy(digest, 0, result, signatureStore + md5.offset(), digest.length);
    }
    return result;
  }

  private static Header insert(Header main, List<Entry> entries) {
    List<IndexEntry> index = main.index();
    IndexEntry region = index.get(0);
    if (region.tag() != REGION || region.offset() + 16 != main.store().length) {
      throw new IllegalArgumentException("the main header does not start with its region");
    }
    if (main.entry(CHANGELOG_TIME) != null) {
      throw new IllegalArgumentException("the package has a changelog already");
    }
    List<Tagged> tagged = new ArrayList<>();
    for (IndexEntry entry : index.subList(1, index.size())) {
      tagged.add(new Tagged(entry, data(main.store(), entry)));
    }
    ByteBuffer times = ByteBuffer.allocate(4 * entries.size());
    entries.forEach(entry -> times.putInt(entry.time()));
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    entries.forEach(entry -> writeString(names, entry.name()));
    ByteArrayOutputStream texts = new ByteArrayOutputStream();
    entries.forEach(entry -> writeString(texts, entry.text()));
    int count = entries.size();
    tagged.add(new Tagged(new IndexEntry(CHANGELOG_TIME, INT32, 0, count), times.array()));
    tagged.add(new Tagged(new IndexEntry(CHANGELOG_NAME, STRING_ARRAY, 0, count), names.toByteArray()));
    tagged.add(new Tagged(new IndexEntry(CHANGELOG_TEXT, STRING_ARRAY, 0, count), texts.toByteArray()));
    tagged.sort((a, b) -> Integer.compare(a.entry().tag(), b.entry().tag()));

    // rpm reads the store as packed in index order, each value aligned to its type's size only.
    ByteArrayOutputStream store = new ByteArrayOutputStream();
    List<IndexEntry> changed = new ArrayList<>();
    changed.add(null);
    for (Tagged value : tagged) {
      int alignment = ALIGNMENT[value.entry().type()];
      store.writeBytes(new byte[(alignment - store.size() % alignment) % alignment]);
      changed.add(value.entry().shifted(store.size() - value.entry().offset()));
      store.writeBytes(value.data());
    }
    int trailer = store.size();
    changed.set(0, region.shifted(trailer - region.offset()));
    ByteBuffer regionTrailer = ByteBuffer.allocate(16);
    regionTrailer.putInt(REGION).putInt(region.type()).putInt(-16 * changed.size()).putInt(16);
    store.writeBytes(regionTrailer.array());
    return new Header(changed, store.toByteArray(), 16 + 16 * changed.size() + store.size());
  }

  /** An index entry with its value's bytes. */
  private record Tagged(IndexEntry entry, byte[] data) {}

  /** rpm's alignment of each data type (NULL, CHAR, INT8, INT16, INT32, INT64, STRING, BIN, ...). */
  private static final int[] ALIGNMENT = {1, 1, 1, 2, 4, 8, 1, 1, 1, 1};

  /** The bytes of an entry's value in a store: fixed-size types by count, strings to their NUL. */
  private static byte[] data(byte[] store, IndexEntry entry) {
    int length =
        switch (entry.type()) {
          case 0 -> 0;
          case 1, 2, 7 -> entry.count();
          case 3 -> 2 * entry.count();
          case 4 -> 4 * entry.count();
          case 5 -> 8 * entry.count();
          case 6 -> strings(store, entry.offset(), 1);
          case 8, 9 -> strings(store, entry.offset(), entry.count());
          default -> throw new IllegalArgumentException("unknown type " + entry.type());
        };
    return Arrays.copyOfRange(store, entry.offset(), entry.offset() + length);
  }

  private static int strings(byte[] store, int offset, int count) {
    int at = offset;
    for (int i = 0; i < count; i++) {
      while (store[at] != 0) {
        at++;
      }
      at++;
    }
    return at - offset;
  }

  private static void writeString(ByteArrayOutputStream out, String value) {
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    out.write(0);
  }

  private static void putString(byte[] file, int store, IndexEntry entry, String value) {
    if (entry == null) {
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, file, store + entry.offset(), bytes.length);
  }

  private static int padding(int length) {
    return (8 - length % 8) % 8;
  }

  private static String hex(String algorithm, byte[] data) {
    return HexFormat.of().formatHex(digest(algorithm, data));
  }

  private static byte[] digest(String algorithm, byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
