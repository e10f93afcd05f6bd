package io.xemigrate.coordinator.pools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.coordinator.BadRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolDirectoryTest {
  @TempDir Path dir;

  @Test
  void readsYamlProfilesAndResolvesByNameOrUuid() throws IOException {
    Path file =
        write(
            "pools.yaml",
            """
            pools:
              - name: prod-a
                uuid: 11111111-2222-3333-4444-555555555555
                url: https://10.0.0.1
                username: root
                passwordFile: prod-a.password
                tlsFingerprint: "AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD"
                members: [10.0.0.2]
            """);
    PoolDirectory directory = PoolDirectory.load(file);

    PoolProfile byName = directory.resolve("prod-a", "source");
    assertThat(byName.address()).isEqualTo("https://10.0.0.1");
    assertThat(byName.password())
        .isEqualTo(new PasswordOrigin.FromFile(dir.resolve("prod-a.password")));
    assertThat(byName.tlsFingerprint())
        .contains(
            "AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD:AB:CD");
    assertThat(byName.members()).containsExactly("10.0.0.2");
    assertThat(directory.resolve("11111111-2222-3333-4444-555555555555", "source"))
        .isEqualTo(byName);
  }

  @Test
  void unknownPoolNamesTheParameterAndTheKnownPools() throws IOException {
    Path file = write("pools.yaml", "pools:\n  - {name: a, url: h, username: u, passwordEnv: P}\n");
    assertThatThrownBy(() -> PoolDirectory.load(file).resolve("b", "destination"))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("unknown pool 'b' in destination=: pools.yaml names a");
  }

  @Test
  void malformedEntryNamesFileAndLine() throws IOException {
    Path file =
        write(
            "pools.yaml",
            "pools:\n  - name: a\n    url: h\n    username: u\n    passwordEnv: P\n"
                + "  - name: b\n    url: h\n    user: u\n");
    assertThatThrownBy(() -> PoolDirectory.load(file))
        .hasMessageStartingWith("malformed pool profile file " + file + ":6: unknown key 'user'");
  }

  @Test
  void clearPasswordOnlyInTheSimulatorsEndpointsFile() throws IOException {
    String entry =
        "{\"pools\":[{\"name\":\"a\",\"master\":\"https://h:1\",\"username\":\"u\",\"password\":\"p\"}]}";
    assertThat(PoolDirectory.load(write("endpoints.json", entry)).resolve("a", "pool").password())
        .isInstanceOf(PasswordOrigin.Inline.class);
    assertThatThrownBy(() -> PoolDirectory.load(write("pools.yaml", entry)))
        .hasMessageContaining("a password in clear is refused");
  }

  @Test
  void unreadablePasswordFileIsOneLineNamingTheFile() {
    PasswordOrigin origin = new PasswordOrigin.FromFile(dir.resolve("missing"));
    assertThatThrownBy(() -> origin.open("prod", Map.of()))
        .isInstanceOf(PoolProfileException.class)
        .hasMessageContaining("cannot read the password file " + dir.resolve("missing"));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
