package io.xemigrate.planner.balance;

import static io.xemigrate.planner.balance.Loads.GIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BalancerTest {
  private static final BalancePolicy PERFORMANCE = BalancePolicy.defaults(BalanceMode.PERFORMANCE);

  /** h1 at 15 of 16 CPUs (94 %), h2 and h3 at 2 CPUs. */
  private static Loads hotPool() {
    return new Loads()
        .host("h1")
        .host("h2")
        .host("h3")
        .vm("big", "h1", 16, 4.0)
        .vm("mid", "h1", 8, 6.0)
        .vm("small-1", "h1", 2, 2.0)
        .vm("small-2", "h1", 2, 1.5)
        .vm("rest", "h1", 4, 1.5)
        .vm("b1", "h2", 4, 2.0)
        .vm("c1", "h3", 4, 2.0);
  }

  @Test
  void performanceBringsEveryHostUnderTheThresholds() {
    BalanceResult result = hotPool().balance(PERFORMANCE);

    assertThat(result.before()).anyMatch(h -> h.cpuPercent() > 80);
    assertThat(result.after()).allMatch(h -> h.cpuPercent() <= 80 && h.memoryPercent() <= 85);
    assertThat(codes(result)).doesNotContain(Codes.BALANCE_THRESHOLD_UNMET);
  }

  @Test
  void performanceMovesTheFewestBytesThatCoverTheExcess() {
    BalanceResult result = hotPool().balance(PERFORMANCE);

    // 15 CPUs on h1, 12.8 allowed: small-1 and small-2 (4 GiB) cover the 2.2 CPUs over;
    // moving the busiest VM (big, 16 GiB, or mid, 8 GiB) would also do, at two to four times the
    // bytes.
    assertThat(names(result)).containsExactlyInAnyOrder("small-1", "small-2");
    assertThat(result.bytesMoved()).isEqualTo(4 * GIB);
  }

  @Test
  void aHostUnderTheThresholdsMovesNothing() {
    BalanceResult result =
        new Loads().host("h1").host("h2").vm("a", "h1", 4, 3.0).balance(PERFORMANCE);

    assertThat(result.moves()).isEmpty();
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void noVmGoesWhereAVmOfItsAntiAffinityGroupRuns() {
    BalanceResult result =
        new Loads()
            .host("h1")
            .host("h2")
            .host("h3")
            .vm("web-1", "h1", 2, 4.0, "xe-migrate:anti-affinity=web")
            .vm("db", "h1", 32, 10.0)
            .vm("web-2", "h2", 2, 1.0, "xe-migrate:anti-affinity=web")
            .vm("x", "h3", 4, 6.0)
            .balance(PERFORMANCE);

    // web-1 is the cheapest cover but h2 (least loaded) holds web-2: it goes to h3.
    assertThat(result.moves())
        .singleElement()
        .satisfies(
            move -> {
              assertThat(move.vmName()).isEqualTo("web-1");
              assertThat(move.toHostUuid()).isEqualTo("h3");
            });
  }

  @Test
  void antiAffinityGroupsSharingAHostAreSeparated() {
    BalanceResult result =
        new Loads()
            .host("h1")
            .host("h2")
            .vm("web-1", "h1", 2, 1.0, "xe-migrate:anti-affinity=web")
            .vm("web-2", "h1", 4, 1.0, "xe-migrate:anti-affinity=web")
            .balance(PERFORMANCE);

    assertThat(names(result)).containsExactly("web-1");
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void anAntiAffinityRuleThatCannotBeMetIsAFindingWithARemedy() {
    BalanceResult result =
        new Loads()
            .host("h1")
            .host("h2")
            .vm("web-1", "h1", 2, 1.0, "xe-migrate:anti-affinity=web")
            .vm("web-2", "h1", 4, 1.0, "xe-migrate:anti-affinity=web")
            .vm("web-3", "h2", 4, 1.0, "xe-migrate:anti-affinity=web")
            .balance(PERFORMANCE);

    assertThat(result.moves()).isEmpty();
    assertThat(result.findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.code()).isEqualTo(Codes.ANTI_AFFINITY_UNMET);
              assertThat(finding.params()).containsExactly("web", "h1");
              assertThat(finding.remedy()).isNotBlank();
            });
  }

  @Test
  void aPinnedVmNeverMoves() {
    BalanceResult result =
        new Loads()
            .host("h1")
            .host("h2")
            .vm("pinned", "h1", 2, 4.0, "xe-migrate:pinned")
            .vm("other", "h1", 8, 4.0)
            .vm("busy", "h1", 8, 6.0)
            .balance(PERFORMANCE);

    assertThat(names(result)).doesNotContain("pinned").isNotEmpty();
    assertThat(result.after()).allMatch(h -> h.cpuPercent() <= 80);
  }

  @Test
  void aRulesFilePinsAndExcludes() {
    BalanceRules rules = BalanceRules.parse("pinned small-1,small-2\nexclude-host h2\n");
    BalanceResult result =
        hotPool().balance(new BalancePolicy(BalanceMode.PERFORMANCE, 80, 85, 20, rules));

    assertThat(names(result)).doesNotContain("small-1", "small-2").isNotEmpty();
    assertThat(result.moves()).allMatch(move -> move.toHostUuid().equals("h3"));
  }

  @Test
  void aRuleNamingNoVmOfThePoolIsAFinding() {
    BalanceRules rules = BalanceRules.parse("pinned small-1,nope\n");
    BalanceResult result =
        hotPool().balance(new BalancePolicy(BalanceMode.PERFORMANCE, 80, 85, 20, rules));

    assertThat(result.findings())
        .filteredOn(f -> f.code().equals(Codes.BALANCE_RULE_UNKNOWN_NAME))
        .singleElement()
        .satisfies(finding -> assertThat(finding.params()).containsExactly("nope"));
  }

  @Test
  void anExcludedHostNeitherSendsNorReceives() {
    BalanceRules rules = BalanceRules.none().excluding(java.util.Set.of("h1"));
    BalanceResult result =
        hotPool().balance(new BalancePolicy(BalanceMode.PERFORMANCE, 80, 85, 20, rules));

    assertThat(result.moves()).isEmpty();
  }

  @Test
  void aHostThatStaysOverIsAFindingWithARemedy() {
    BalanceResult result =
        new Loads()
            .host("h1")
            .host("h2")
            .vm("a", "h1", 2, 8.0, "xe-migrate:pinned")
            .vm("b", "h1", 2, 7.0, "xe-migrate:pinned")
            .balance(PERFORMANCE);

    assertThat(result.moves()).isEmpty();
    assertThat(result.findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.code()).isEqualTo(Codes.BALANCE_THRESHOLD_UNMET);
              assertThat(finding.params()).containsExactly("h1", "93.8", "6.3");
            });
  }

  @Test
  void maxMovesIsNeverExceeded() {
    BalanceResult result =
        hotPool()
            .balance(new BalancePolicy(BalanceMode.PERFORMANCE, 80, 85, 1, BalanceRules.none()));

    assertThat(result.moves()).hasSizeLessThanOrEqualTo(1);
    assertThat(codes(result))
        .contains(Codes.BALANCE_MAX_MOVES_REACHED, Codes.BALANCE_THRESHOLD_UNMET);
  }

  @Test
  void affinityGroupsMoveTogetherAndASplitGroupIsReported() {
    BalanceResult result =
        new Loads()
            .host("h1")
            .host("h2")
            .host("h3")
            .vm("app", "h1", 2, 3.0, "xe-migrate:affinity=shop")
            .vm("cache", "h1", 2, 3.0, "xe-migrate:affinity=shop")
            .vm("busy", "h1", 32, 9.0)
            .vm("db", "h3", 2, 1.0, "xe-migrate:affinity=shop")
            .balance(PERFORMANCE);

    Map<String, String> to =
        result.moves().stream()
            .collect(Collectors.toMap(BalanceMove::vmName, BalanceMove::toHostUuid));
    assertThat(to).containsOnlyKeys("app", "cache");
    assertThat(to.get("app")).isEqualTo(to.get("cache"));
    assertThat(codes(result)).contains(Codes.AFFINITY_UNMET);
  }

  @Test
  void densityEmptiesHostsAndStaysUnderTheThresholds() {
    Loads pool = new Loads().host("h1").host("h2").host("h3").host("h4");
    for (String host : List.of("h1", "h2", "h3", "h4")) {
      pool.vm(host + "-a", host, 8, 1.5).vm(host + "-b", host, 4, 1.0);
    }
    BalanceResult result =
        pool.balance(new BalancePolicy(BalanceMode.DENSITY, 80, 85, 20, BalanceRules.none()));

    assertThat(result.freedHosts()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(result.freedHosts()).allMatch(h -> h.vms() == 0);
    assertThat(result.freedHosts()).noneMatch(h -> h.hostUuid().equals("h1"));
    assertThat(result.after()).allMatch(h -> h.cpuPercent() <= 80 && h.memoryPercent() <= 85);
  }

  @Test
  void densityKeepsAntiAffinityGroupsApart() {
    Loads pool = new Loads().host("h1").host("h2").host("h3");
    pool.vm("w1", "h1", 2, 1.0, "xe-migrate:anti-affinity=web")
        .vm("w2", "h2", 2, 1.0, "xe-migrate:anti-affinity=web")
        .vm("x", "h3", 2, 1.0);
    BalanceResult result =
        pool.balance(new BalancePolicy(BalanceMode.DENSITY, 80, 85, 20, BalanceRules.none()));

    // Three small hosts could be one, but w1 and w2 may not share: one host is freed, not two.
    assertThat(result.freedHosts()).hasSize(1);
    Map<String, String> to =
        result.moves().stream()
            .collect(Collectors.toMap(BalanceMove::vmName, BalanceMove::toHostUuid));
    String w1 = to.getOrDefault("w1", "h1");
    String w2 = to.getOrDefault("w2", "h2");
    assertThat(w1).isNotEqualTo(w2);
  }

  @Test
  void theSameInputGivesTheSameBalance() {
    assertThat(hotPool().balance(PERFORMANCE)).isEqualTo(hotPool().balance(PERFORMANCE));
  }

  private static List<String> names(BalanceResult result) {
    return result.moves().stream().map(BalanceMove::vmName).toList();
  }

  private static List<String> codes(BalanceResult result) {
    return result.findings().stream().map(Finding::code).toList();
  }
}
