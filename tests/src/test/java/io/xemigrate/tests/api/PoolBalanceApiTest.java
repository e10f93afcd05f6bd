package io.xemigrate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.plugin.bench.BalanceScenario;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/plans} of kind {@code pool-balance} against the simulated balance pool: a
 * draft plan like any other (approved the same way), and one-line refusals for bad fields.
 */
class PoolBalanceApiTest {
  @TempDir Path dir;
  ApiFixture api;

  @BeforeEach
  void start() {
    api = new ApiFixture(dir, BalanceScenario.scenario(42), settings -> settings);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aBalancePlanIsADraftPlanThatCanBeApproved() {
    ApiClient.Answer created =
        api.client.post(
            "/api/v1/plans",
            "{\"kind\":\"pool-balance\",\"pool\":\"balance-pool\",\"mode\":\"performance\","
                + "\"cpuThreshold\":80,\"window\":\"10m\"}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("kind").asText()).isEqualTo("pool-balance");
    assertThat(created.json().get("moves").asInt()).isPositive();
    assertThat(created.json().get("blocked").asInt()).isZero();
    assertThat(created.json().get("plan").get("request").asText())
        .startsWith("balance pool balance-pool (performance: CPU 80 %");
    String id = created.json().get("id").asText();
    ApiClient.Answer approved = api.client.post("/api/v1/plans/" + id + "/approve", "");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("status").asText()).isEqualTo("approved");
  }

  @Test
  void aBadThresholdIsOneLineNamingTheField() {
    ApiClient.Answer refused =
        api.client.post(
            "/api/v1/plans",
            "{\"kind\":\"pool-balance\",\"pool\":\"balance-pool\",\"mode\":\"density\","
                + "\"cpuThreshold\":120}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error").get("code").asText()).isEqualTo("BAD_VALUE");
    assertThat(refused.json().get("error").get("message").asText())
        .isEqualTo("bad cpu-threshold=120: give a whole number from 1 to 100");
  }

  @Test
  void anUnknownPoolOrModeIsRefused() {
    ApiClient.Answer pool =
        api.client.post(
            "/api/v1/plans", "{\"kind\":\"pool-balance\",\"pool\":\"nope\",\"mode\":\"density\"}");
    ApiClient.Answer mode =
        api.client.post(
            "/api/v1/plans",
            "{\"kind\":\"pool-balance\",\"pool\":\"balance-pool\",\"mode\":\"fastest\"}");

    assertThat(pool.status()).isEqualTo(422);
    assertThat(pool.json().get("error").get("code").asText()).isEqualTo("UNKNOWN_POOL");
    assertThat(mode.status()).isEqualTo(400);
    assertThat(mode.json().get("error").get("message").asText())
        .contains("give mode=performance or mode=density");
  }
}
