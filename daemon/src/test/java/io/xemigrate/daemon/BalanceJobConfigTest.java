package io.xemigrate.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.planner.balance.BalanceMode;
import io.xemigrate.planner.balance.BalancePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code balance} action in the daemon's configuration: its keys, checked as the CLI does. */
class BalanceJobConfigTest {
  @TempDir Path dir;

  private static final String HEAD =
      "pools: pools.yaml\n"
          + "database: journal.db\n"
          + "jobs:\n"
          + "  - name: balance-nightly\n"
          + "    schedule: \"0 2 * * *\"\n"
          + "    action: balance\n"
          + "    source: pool-a\n";

  @Test
  void readsTheBalanceSettingsAndTheRulesFile() throws IOException {
    Path rules = Files.writeString(dir.resolve("rules.txt"), "anti-affinity web web-01,web-02\n");
    Path file =
        write(
            HEAD
                + "    mode: density\n"
                + "    cpuThreshold: 70\n"
                + "    memoryThreshold: 90\n"
                + "    maxMoves: 12\n"
                + "    loadWindow: 30m\n"
                + "    rules: "
                + rules
                + "\n"
                + "    window: PT1H\n"
                + "    limits: {maxConcurrent: 2}\n");

    JobSpec job = DaemonConfigReader.read(file).jobs().get(0);

    assertThat(job.action()).isEqualTo(JobAction.BALANCE);
    BalancePolicy policy = job.balance().orElseThrow().policy();
    assertThat(policy.mode()).isEqualTo(BalanceMode.DENSITY);
    assertThat(policy.cpuThresholdPercent()).isEqualTo(70);
    assertThat(policy.memoryThresholdPercent()).isEqualTo(90);
    assertThat(policy.maxMoves()).isEqualTo(12);
    assertThat(policy.rules().antiAffinity()).containsOnlyKeys("web");
    assertThat(job.balance().orElseThrow().windowSeconds()).isEqualTo(1800);
    assertThat(job.maxConcurrent()).isEqualTo(2);
  }

  @Test
  void eachBalanceMistakeIsOneLineWithItsLine() throws IOException {
    assertRefused(HEAD, ":6: job 'balance-nightly' balances a pool: add mode: performance");
    assertRefused(HEAD + "    mode: fast\n", ":8: job 'balance-nightly': bad mode=fast");
    assertRefused(
        HEAD + "    mode: performance\n    cpuThreshold: 0\n",
        "bad cpu-threshold=0: give a whole number from 1 to 100");
    assertRefused(
        HEAD + "    mode: performance\n    loadWindow: 3h\n", "give one minute to two hours");
    assertRefused(
        HEAD + "    mode: performance\n    rules: " + dir.resolve("none.txt") + "\n",
        "cannot be read: check the path");
    assertRefused(
        HEAD + "    mode: performance\n    destination: pool-b\n",
        "'destination' does not apply to action balance");
  }

  private void assertRefused(String text, String fragment) throws IOException {
    Path file = write(text);
    assertThatThrownBy(() -> DaemonConfigReader.read(file))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining(fragment)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(dir, "config", ".yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
