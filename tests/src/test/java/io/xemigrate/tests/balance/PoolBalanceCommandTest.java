package io.xemigrate.tests.balance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.tests.cli.CliProcess;
import io.xemigrate.xapi.model.PoolInventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pool-balance-plan} and {@code plan-apply} of its plan as processes against the simulated
 * balance pool: the plan is an ordinary plan (shown by plan-show, applied by plan-apply), every VM
 * ends on its planned host, and the hot hosts' VMs are what moved.
 */
class PoolBalanceCommandTest {
  @TempDir Path dir;

  @Test
  void plansABalanceAndAppliesItEndToEnd() throws IOException {
    try (BalancedPool pool = new BalancedPool(42)) {
      String pools = "pools=" + pool.writeEndpoints(dir.resolve("endpoints.json"));
      CliProcess cli = new CliProcess(Files.createDirectories(dir.resolve("config")));
      Path planFile = dir.resolve("balance.json");

      CliProcess.Result planned =
          cli.run(
              "pool-balance-plan",
              "pool=" + BalancedPool.POOL,
              "mode=performance",
              "cpu-threshold=80",
              "window=10m",
              "out=" + planFile,
              pools);

      assertThat(planned.exitCode()).as(planned.err()).isZero();
      assertThat(planned.out()).contains("performance mode, CPU at most 80 %").contains("h00");
      MigrationPlan plan = PlanJson.read(Files.readString(planFile));
      assertThat(plan.request()).startsWith("balance pool balance-pool (performance");
      assertThat(plan.intraPool()).isTrue();
      assertThat(plan.moves()).isNotEmpty();
      assertThat(plan.movableCount()).isEqualTo(plan.moves().size());
      PoolInventory before = pool.inventory();
      assertThat(plan.moves())
          .allSatisfy(
              move ->
                  assertThat(before.hosts().get(move.sourceHostUuid()).nameLabel())
                      .isIn("h00", "h01"));

      CliProcess.Result shown = cli.run("plan-show", "plan=" + planFile);
      assertThat(shown.exitCode()).as(shown.err()).isZero();
      assertThat(shown.out()).contains(plan.moves().get(0).vmName());

      CliProcess.Result applied = cli.run("plan-apply", "plan=" + planFile, "yes=true", pools);

      assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
      PoolInventory after = pool.inventory();
      for (MovePlan move : plan.moves()) {
        assertThat(after.vm(move.vmUuid()).orElseThrow().residentOnHostUuid())
            .as(move.vmName())
            .isEqualTo(move.destinationHostUuid());
      }
    }
  }

  @Test
  void densityListsTheHostsItEmptiesInJson() throws IOException {
    try (BalancedPool pool = new BalancedPool(42)) {
      String pools = "pools=" + pool.writeEndpoints(dir.resolve("endpoints.json"));
      CliProcess cli = new CliProcess(Files.createDirectories(dir.resolve("config")));
      Path planFile = dir.resolve("density.json");

      CliProcess.Result planned =
          cli.run(
              "pool-balance-plan",
              "pool=" + BalancedPool.POOL,
              "mode=density",
              "max-moves=40",
              "out=" + planFile,
              pools,
              "--json");

      assertThat(planned.exitCode()).as(planned.err()).isZero();
      JsonNode json = new ObjectMapper().readTree(planned.out());
      assertThat(json.get("freedHosts").size()).isGreaterThanOrEqualTo(2);
      assertThat(json.get("plan").asText()).isEqualTo(planFile.toString());
      MigrationPlan plan = PlanJson.read(Files.readString(planFile));
      assertThat(plan.request()).contains("; frees ");
      assertThat(plan.schedule().scheduled()).isTrue();
    }
  }
}
