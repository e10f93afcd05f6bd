package io.xemigrate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon whose profile names a password file that is gone (issue 17, item 15): an API client
 * learns that the server's setup is at fault, never a path of the server's file system.
 */
class ApiServerPathsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() {
    api =
        new ApiFixture(
            dir,
            ScenarioLoader.loadBundled("two-pools.yaml"),
            settings -> settings,
            ApiServerPathsTest::profileWithAMissingPasswordFile);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void aPlanThroughAPoolWhosePasswordFileIsGoneNamesNoServerPath() {
    ApiClient.Answer answer =
        api.client.post(
            "/api/v1/plans",
            "{\"kind\":\"vm-migrate\",\"vms\":[\"web-01\"],\"source\":\"pool-a\","
                + "\"destination\":\"pool-b\"}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(500);
    assertThat(answer.errorCode()).as(answer.body()).isEqualTo("POOL_PROFILE");
    assertThat(answer.body()).contains("pool-a").doesNotContain(dir.toString(), ".password");
  }

  @Test
  void thePoolListNamesNoServerPath() {
    ApiClient.Answer answer = api.client.get("/api/v1/pools");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("pool-a").doesNotContain(dir.toString(), ".password");
  }

  /** The endpoints' pools as a YAML profile whose password files do not exist. */
  private static Path profileWithAMissingPasswordFile(Path endpoints) {
    try {
      StringBuilder yaml = new StringBuilder("pools:\n");
      for (JsonNode pool : JSON.readTree(endpoints.toFile()).get("pools")) {
        yaml.append("  - name: ")
            .append(pool.get("name").asText())
            .append('\n')
            .append("    url: ")
            .append(pool.get("master").asText())
            .append('\n')
            .append("    username: root\n")
            .append("    passwordFile: ")
            .append(dir.resolve("gone.password"))
            .append('\n')
            .append("    tlsFingerprint: \"")
            .append(pool.get("tlsFingerprint").asText())
            .append("\"\n");
      }
      Path profile = dir.resolve("pools.yaml");
      Files.writeString(profile, yaml, StandardCharsets.UTF_8);
      return profile;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
