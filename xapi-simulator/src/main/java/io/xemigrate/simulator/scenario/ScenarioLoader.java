package io.xemigrate.simulator.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a scenario file. Any problem, from a YAML syntax error to a VM naming an SR that does not
 * exist, becomes one {@link ScenarioException} naming the file, the line and the field. Unknown
 * keys are errors: a misspelt key silently ignored would give a different world than intended.
 */
public final class ScenarioLoader {
  static final YAMLMapper MAPPER =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  private ScenarioLoader() {}

  public static Scenario load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), 0, "(file)", "cannot read: " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  /** A scenario shipped in this module, e.g. {@code two-pools.yaml}. */
  public static Scenario loadBundled(String name) {
    try (InputStream in = ScenarioLoader.class.getResourceAsStream("/scenarios/" + name)) {
      if (in == null) {
        throw new ScenarioException(name, 0, "(file)", "no such bundled scenario");
      }
      return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Scenario parse(String file, String text) {
    Scenario scenario;
    try {
      scenario = MAPPER.readValue(text, Scenario.class);
    } catch (JsonMappingException e) {
      // Record creators buffer properties, so Jackson's own location can be the end of the
      // object; the path always names the field, so look that up instead.
      String path = path(e);
      int line = path.equals("(root)") ? line(e.getLocation()) : new YamlLocator(text).line(path);
      throw new ScenarioException(file, line, path, problem(e));
    } catch (JsonProcessingException e) {
      throw new ScenarioException(file, line(e.getLocation()), "(syntax)", e.getOriginalMessage());
    }
    if (scenario == null) {
      throw new ScenarioException(file, 1, "(file)", "the scenario is empty");
    }
    new ScenarioValidator(file, new YamlLocator(text)).validate(scenario);
    return scenario;
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : location.getLineNr();
  }

  private static String problem(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown key '" + unknown.getPropertyName() + "'";
    }
    if (e instanceof MismatchedInputException) {
      // Jackson's words name Java types; the path already names the field.
      return "wrong type of value";
    }
    if (e instanceof ValueInstantiationException) {
      return "missing or invalid value";
    }
    String message = String.valueOf(e.getOriginalMessage());
    int cut = message.indexOf('\n');
    return cut < 0 ? message : message.substring(0, cut);
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "(root)" : path.toString();
  }
}
