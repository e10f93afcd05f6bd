package io.xemigrate.planner.place;

import static io.xemigrate.planner.fixtures.Inventories.GIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.fixtures.Scenario;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementTest {

  /** Two hosts with room for one 4 GiB VM each, two such VMs, LAN on both hosts. */
  private static Scenario twoSmallHosts() {
    Scenario scenario = Scenario.crossPool();
    scenario.dst.host("d1").memory(6 * GIB, 0);
    scenario.dst.host("d2").memory(6 * GIB, 0);
    scenario.dst.network("dst-lan").pifsOn("d1", "d2");
    scenario.dst.network("dst-migration").pifsOn("d1", "d2");
    scenario.src.vm("vm2", v -> v.on("s2").disk("disk2", "src-nfs", GIB));
    scenario.request(new MigrationRequest.MoveVms(List.of("vm1", "vm2"), ""));
    return scenario;
  }

  @Test
  void eachPlacementSeesTheMemoryTakenByTheEarlierOnes() {
    MigrationPlan plan = twoSmallHosts().plan();

    assertThat(plan.moves()).allMatch(move -> move.verdict() == Verdict.OK);
    assertThat(plan.moves())
        .extracting(MovePlan::destinationHostUuid)
        .containsExactlyInAnyOrder("d1", "d2");
  }

  @Test
  void aVmThatFitsNowhereAfterTheOthersIsBlockedWithXapisNumbers() {
    Scenario scenario = twoSmallHosts();
    scenario.src.vm("vm3", v -> v.on("s2"));
    scenario.request(new MigrationRequest.MoveVms(List.of("vm1", "vm2", "vm3"), ""));

    MigrationPlan plan = scenario.plan();

    MovePlan blocked =
        plan.moves().stream().filter(m -> m.verdict() == Verdict.BLOCKED).findFirst().orElseThrow();
    assertThat(blocked.findings())
        .extracting(f -> f.code())
        .contains("NO_HOSTS_AVAILABLE", "HOST_NOT_ENOUGH_FREE_MEMORY");
    assertThat(blocked.placement().rejectionCounts())
        .containsEntry("HOST_NOT_ENOUGH_FREE_MEMORY", 2);
    assertThat(blocked.placement().whyNot("d1"))
        .contains("HOST_NOT_ENOUGH_FREE_MEMORY [4333764608;");
  }

  @Test
  void antiAffinityKeepsAGroupApart() {
    Scenario scenario = Scenario.crossPool();
    scenario.dst.network("dst-lan").pifsOn("d1", "d2");
    scenario.dst.network("dst-migration").pifsOn("d1", "d2");
    scenario.dst.host("d2");
    scenario.dst.vm("resident", v -> v.on("d1").tag("anti-affinity:db"));
    scenario.src.vm("vm1").tag("anti-affinity:db");
    // d1 would otherwise win the tie on its UUID.
    MovePlan move = scenario.plan().moves().get(0);

    assertThat(move.destinationHostUuid()).isEqualTo("d2");
    assertThat(move.placement().topHosts()).hasSize(2);
    assertThat(move.placement().topHosts().get(1).scores()).containsEntry("anti-affinity", -1.0);
    assertThat(move.placement().whyNot("d1")).contains("feasible but scored");
  }

  @Test
  void insideAPoolSharedStorageStaysAndTheVmUsesPoolMigrate() {
    MovePlan move = Scenario.intraPool().plan().moves().get(0);

    assertThat(move.destinationHostUuid()).isEqualTo("s2");
    assertThat(move.method().operation()).isEqualTo("pool_migrate");
    assertThat(move.disks()).singleElement().satisfies(d -> assertThat(d.moves()).isFalse());
  }

  @Test
  void evacuationNeverTargetsAnEvacuatedHost() {
    Scenario scenario = Scenario.intraPool();
    scenario.src.host("s3");
    scenario.src.network("src-lan").pifsOn("s1", "s2", "s3");
    scenario.src.vm("vm2", v -> v.on("s2"));
    scenario.request(new MigrationRequest.EvacuateHosts(List.of("s1", "s2")));

    MigrationPlan plan = scenario.plan();

    assertThat(plan.moves()).extracting(MovePlan::destinationHostUuid).containsOnly("s3");
  }

  @Test
  void excludedAndPinnedHostsAreObeyed() {
    Scenario scenario = Scenario.crossPool();
    scenario.dst.host("d2");
    scenario.dst.host("d3");
    scenario.dst.network("dst-lan").pifsOn("d1", "d2", "d3");
    scenario.dst.network("dst-migration").pifsOn("d1", "d2", "d3");
    scenario.overrides = scenario.overrides.withExcludedHosts(List.of("d1"));
    assertThat(scenario.plan().moves().get(0).destinationHostUuid()).isEqualTo("d2");

    scenario.overrides = scenario.overrides.withPinnedHosts(List.of("d3"));
    assertThat(scenario.plan().moves().get(0).destinationHostUuid()).isEqualTo("d3");
  }

  @Test
  void insideAPoolALocalDiskMovesToTheDestinationsLocalSrWithItsSnapshot() {
    Scenario scenario = Scenario.intraPool();
    scenario.src.sr("s1-local", sr -> sr.name("Local storage").type("ext").on("s1"));
    scenario.src.sr("s2-local", sr -> sr.name("Local storage").type("ext").on("s2"));
    scenario.src.vm("vm1").disk("disk9", "s1-local", 10 * GIB).snapshot("snap1", snap -> {});

    MovePlan move = scenario.plan().moves().get(0);

    assertThat(move.verdict()).isEqualTo(Verdict.OK);
    assertThat(move.method().operation()).isEqualTo("migrate_send");
    assertThat(move.disks())
        .extracting(d -> d.vdiUuid() + "->" + d.destinationSrUuid() + " " + d.rule())
        .containsExactly(
            "disk1->src-nfs SHARED_IN_PLACE",
            "disk9->s2-local SAME_NAME",
            "disk1-snap->src-nfs FOLLOWS_PARENT",
            "disk9-snap->s2-local FOLLOWS_PARENT");
    assertThat(move.nics())
        .allSatisfy(nic -> assertThat(nic.rule().name()).isEqualTo("SAME_NETWORK"));
  }
}
