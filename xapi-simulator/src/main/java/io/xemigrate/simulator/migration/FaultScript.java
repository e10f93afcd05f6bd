package io.xemigrate.simulator.migration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A list of faults to inject when the simulator starts, from a YAML file next to the scenario:
 *
 * <pre>
 * faults:
 *   - {kind: FAIL_MEMORY_PRECOPY, target: "*"}
 *   - {kind: SLOW_NIC, target: &lt;host uuid&gt;, seconds: 600, factor: 0.1}
 * </pre>
 *
 * Kept apart from the scenario file because the scenario loader refuses unknown keys.
 */
public final class FaultScript {
  private record File(List<Fault> faults) {}

  private FaultScript() {}

  /** Reads the faults; a malformed file fails with the parser's message (line and column). */
  public static List<Fault> load(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      File file =
          new ObjectMapper(new YAMLFactory())
              .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
              .readValue(in, File.class);
      return file.faults() == null ? List.of() : List.copyOf(file.faults());
    }
  }
}
