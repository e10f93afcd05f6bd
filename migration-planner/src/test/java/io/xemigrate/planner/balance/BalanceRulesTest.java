package io.xemigrate.planner.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BalanceRulesTest {
  @Test
  void parsesEveryKindOfRule() {
    BalanceRules rules =
        BalanceRules.parse(
            "# rules\n"
                + "anti-affinity web web-1,web-2\n"
                + "affinity shop app,cache  # together\n"
                + "pinned db\n"
                + "exclude-host h9\n");

    assertThat(rules.antiAffinity()).containsOnlyKeys("web");
    assertThat(rules.antiAffinity().get("web")).containsExactly("web-1", "web-2");
    assertThat(rules.affinity().get("shop")).containsExactly("app", "cache");
    assertThat(rules.pinned()).containsExactly("db");
    assertThat(rules.excludedHosts()).containsExactly("h9");
  }

  @Test
  void anUnknownRuleNamesItsLine() {
    assertThatThrownBy(() -> BalanceRules.parse("pinned db\nseparate a,b\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "line 2: unknown rule 'separate': write one of anti-affinity, affinity, pinned,"
                + " exclude-host");
  }

  @Test
  void aGroupRuleWithoutVmsNamesItsLine() {
    assertThatThrownBy(() -> BalanceRules.parse("anti-affinity web\n"))
        .hasMessage("line 1: write anti-affinity GROUP VM[,VM...]");
  }
}
