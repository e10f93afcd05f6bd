package io.xemigrate.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.fixtures.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReportTest {

  @Test
  void theReportHasTheCommandLinesJsonShape() throws Exception {
    Scenario scenario = Scenario.crossPool();
    scenario.src.vm("vm2", v -> v.on("s1").noTools());
    scenario.request(new MigrationRequest.MoveVms(List.of("vm1", "vm2"), ""));

    CheckReport report = CheckReport.of(scenario.plan());
    String json = new ObjectMapper().writeValueAsString(report);

    assertThat(report.allCanMove()).isFalse();
    assertThat(json)
        .contains("\"vms\":[{\"uuid\":\"vm1\",\"name\":\"vm1\",\"verdict\":\"ok\"")
        .contains("\"destinationHost\":\"d1\"")
        .contains("{\"severity\":\"blocker\",\"code\":\"VM_LACKS_FEATURE\",\"params\":[\"vm2\"],");
  }
}
