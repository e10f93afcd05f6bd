package io.xemigrate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.tests.coordinator.OneBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An evacuation planned, approved and applied over HTTP journals the same steps as the batch run
 * straight through the coordinator's {@code BatchService}: the API keeps only HTTP.
 */
class OneBatchFromTheApiTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void anAppliedEvacuationJournalsTheServicesSteps() throws Exception {
    Path database;
    try (ApiFixture api = new ApiFixture(Files.createDirectories(dir.resolve("api")))) {
      database = api.database;
      ApiClient.Answer created =
          api.client.post(
              "/api/v1/plans",
              "{\"kind\":\"host-evacuate\",\"hosts\":[\""
                  + OneBatch.HOST
                  + "\"],\"destination\":\"pool-b\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String planId = created.json().get("id").asText();
      assertThat(api.client.post("/api/v1/plans/" + planId + "/approve", "").status())
          .isEqualTo(200);
      try (EventStream events = new EventStream(api.client, "/api/v1/events")) {
        assertThat(api.events.awaitSubscribers(1, WAIT)).isTrue();
        ApiClient.Answer applied = api.client.post("/api/v1/plans/" + planId + "/apply", "");
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        String runId = applied.json().get("run").asText();
        events.await(
            line -> line.contains("\"run\":\"" + runId + "\"") && line.contains("\"finished\""),
            WAIT);
      }
      // Closing the server waits for its runs to end, hosts released included.
    }
    assertThat(OneBatch.onlyRun(database)).isEqualTo(OneBatch.reference(dir.resolve("reference")));
  }
}
