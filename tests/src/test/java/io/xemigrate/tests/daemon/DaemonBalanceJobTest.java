package io.xemigrate.tests.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.daemon.Daemon;
import io.xemigrate.daemon.JobRunHandle;
import io.xemigrate.daemon.JobRunRecord;
import io.xemigrate.daemon.JobRunStatus;
import io.xemigrate.plugin.bench.BalanceScenario;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled {@code balance} job against the simulated balance pool: at its minute it reads the
 * pool's load, plans the balance as pool-balance-plan does and runs it as a job run.
 */
class DaemonBalanceJobTest {
  private static final Instant START = Instant.parse("2026-06-01T10:00:30Z");

  @TempDir Path dir;

  @Test
  void aBalanceJobMovesVmsOffTheHotHostsAtItsMinute() {
    try (DaemonWorld world = new DaemonWorld(dir, 400, BalanceScenario.scenario(42))) {
      Path config =
          world.config(
              "balance.yaml",
              """
              - name: balance-hourly
                schedule: "1 * * * *"
                action: balance
                source: balance-pool
                mode: performance
                cpuThreshold: 80
                maxMoves: 10
                loadWindow: 10m
                window: PT30M
                limits: {maxConcurrent: 2}
              """);
      PoolInventory before = world.inventory("balance-pool");
      TestClock clock = new TestClock(START, Duration.ZERO);
      try (Daemon daemon = world.daemon(config, clock, RunListener.none())) {
        assertThat(daemon.tick()).isEmpty();

        clock.set(Instant.parse("2026-06-01T10:01:00Z"));
        List<JobRunHandle> started = daemon.tick();

        assertThat(started).hasSize(1);
        assertThat(started.get(0).done().join()).isEqualTo(JobRunStatus.SUCCEEDED);
        JobRunRecord run = daemon.store().history("balance-hourly").get(0);
        assertThat(run.detail()).contains("moves done");
        PoolInventory after = world.inventory("balance-pool");
        assertThat(guests(after, "h00") + guests(after, "h01"))
            .isLessThan(guests(before, "h00") + guests(before, "h01"));
        assertThat(guests(after, "h05") + guests(after, "h06") + guests(after, "h07"))
            .isGreaterThan(guests(before, "h05") + guests(before, "h06") + guests(before, "h07"));
      }
    }
  }

  private static int guests(PoolInventory pool, String hostName) {
    Host host =
        pool.hosts().values().stream()
            .filter(h -> h.nameLabel().equals(hostName))
            .findFirst()
            .orElseThrow();
    return pool.residentOn(host.uuid()).size();
  }
}
