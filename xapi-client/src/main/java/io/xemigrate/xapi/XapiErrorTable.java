package io.xemigrate.xapi;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * xapi's wire error names and their parameter names, as data ({@code xapi-errors.tsv}, read from
 * xapi's {@code ocaml/xapi-consts/api_errors.ml} and {@code ocaml/idl/datamodel_errors.ml} at the
 * commit named in the file). Every code the project treats as xapi's is one of these names.
 */
public final class XapiErrorTable {
  private static final String RESOURCE = "xapi-errors.tsv";
  private static final String UNDOCUMENTED = "?";
  private static final ImmutableMap<String, Optional<ImmutableList<String>>> ERRORS = load();

  private XapiErrorTable() {}

  /** Whether xapi has an error of that wire name. */
  public static boolean contains(String name) {
    return ERRORS.containsKey(name);
  }

  /**
   * The names of the error's parameters in xapi's order; empty when the name is not xapi's or xapi
   * documents no parameters for it.
   */
  public static Optional<ImmutableList<String>> parameters(String name) {
    return ERRORS.getOrDefault(name, Optional.empty());
  }

  /** Every wire name, sorted. */
  public static ImmutableList<String> names() {
    return ERRORS.keySet().asList();
  }

  private static ImmutableMap<String, Optional<ImmutableList<String>>> load() {
    ImmutableMap.Builder<String, Optional<ImmutableList<String>>> errors = ImmutableMap.builder();
    try (InputStream in = XapiErrorTable.class.getResourceAsStream(RESOURCE);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(
                    java.util.Objects.requireNonNull(in, RESOURCE), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        String name = tab < 0 ? line : line.substring(0, tab);
        String columns = tab < 0 ? "" : line.substring(tab + 1);
        errors.put(name, parse(columns));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return errors.buildOrThrow();
  }

  private static Optional<ImmutableList<String>> parse(String columns) {
    if (columns.equals(UNDOCUMENTED)) {
      return Optional.empty();
    }
    return Optional.of(
        ImmutableList.copyOf(Splitter.on(',').omitEmptyStrings().trimResults().split(columns)));
  }
}
