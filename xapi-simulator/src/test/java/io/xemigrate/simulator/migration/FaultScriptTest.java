package io.xemigrate.simulator.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultScriptTest {
  @TempDir Path dir;

  @Test
  void readsFaultsWithDefaultsForAbsentFields() throws IOException {
    Path file = dir.resolve("faults.yaml");
    Files.writeString(
        file,
        "faults:\n"
            + "  - {kind: FAIL_MEMORY_PRECOPY, target: \"*\"}\n"
            + "  - {kind: SLOW_NIC, target: host-uuid, seconds: 600, factor: 0.1}\n");

    assertThat(FaultScript.load(file))
        .containsExactly(
            new Fault(FaultKind.FAIL_MEMORY_PRECOPY, "*", 0, 0, 0),
            new Fault(FaultKind.SLOW_NIC, "host-uuid", 600, 0.1, 0));
  }

  @Test
  void refusesAnUnknownKind() throws IOException {
    Path file = dir.resolve("faults.yaml");
    Files.writeString(file, "faults:\n  - {kind: EXPLODE, target: x}\n");

    assertThatThrownBy(() -> FaultScript.load(file)).isInstanceOf(IOException.class);
  }
}
