package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The client classifies and explains only xapi's own wire names, with xapi's parameters. */
class XapiErrorTableTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  /**
   * Raised with more parameters than xapi's data model documents: xapi's {@code
   * ocaml/xapi/xapi_host.ml} puts the VM in {@code NO_HOSTS_AVAILABLE} of an evacuation plan.
   */
  private static final java.util.Map<String, Integer> RAISED_WITH_MORE =
      java.util.Map.of("NO_HOSTS_AVAILABLE", 1);

  @Test
  void readsXapisNamesAndParameters() {
    assertThat(XapiErrorTable.parameters("VM_BAD_POWER_STATE"))
        .hasValue(com.google.common.collect.ImmutableList.of("vm", "expected", "actual"));
    assertThat(XapiErrorTable.parameters("OTHER_OPERATION_IN_PROGRESS").orElseThrow()).hasSize(4);
    assertThat(XapiErrorTable.contains("LICENCE_RESTRICTION")).isTrue();
    assertThat(XapiErrorTable.contains("LICENSE_RESTRICTION")).isFalse();
    assertThat(XapiErrorTable.contains("VM_REQUIRES_NET")).isFalse();
    assertThat(XapiErrorTable.names()).hasSizeGreaterThan(600);
  }

  @Test
  void everyClassifiedCodeIsXapisOrTheClients() {
    List<String> strangers =
        XapiErrors.classifiedCodes().stream()
            .filter(code -> !code.startsWith("XE_"))
            .filter(code -> !XapiErrorTable.contains(code))
            .toList();
    assertThat(strangers).isEmpty();
  }

  @Test
  void everyExplainedCodeIsXapisAndUsesOnlyItsParameters() {
    for (String code : XapiErrorCatalog.codes()) {
      if (code.startsWith("XE_")) {
        continue;
      }
      assertThat(XapiErrorTable.contains(code)).as(code).isTrue();
      XapiErrorCatalog.Entry entry = XapiErrorCatalog.entry(code).orElseThrow();
      int highest = Math.max(highest(entry.meaning()), highest(entry.remedy()));
      int documented = XapiErrorTable.parameters(code).map(List::size).orElse(Integer.MAX_VALUE);
      assertThat(highest)
          .as(code)
          .isLessThan(Math.max(documented, RAISED_WITH_MORE.getOrDefault(code, 0)));
    }
  }

  private static int highest(String pattern) {
    int highest = -1;
    Matcher matcher = PLACEHOLDER.matcher(pattern);
    while (matcher.find()) {
      highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
    }
    return highest;
  }
}
