package io.xemigrate.plugin.cli;

import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanJson;
import java.util.HashSet;
import java.util.Set;

/**
 * A plan file given by {@code plan=}: a regular file of bounded size ({@link InputFile}) holding a
 * plan, each VM in it once. Every refusal is one line naming the file and what to do.
 */
final class PlanFile {
  private PlanFile() {}

  static MigrationPlan read(String value) {
    InputFile file = InputFile.of("plan", value);
    String text = file.read();
    MigrationPlan plan;
    try {
      plan = PlanJson.read(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "malformed plan file "
              + value
              + ": "
              + Messages.plain(e.getMessage())
              + "; write a new one with vm-migrate-plan or host-evacuate-plan");
    }
    Set<String> seen = new HashSet<>();
    for (MovePlan move : plan.moves()) {
      if (!seen.add(move.vmUuid())) {
        throw new UsageException(
            "the plan file "
                + value
                + " lists VM "
                + move.vmName()
                + " ("
                + move.vmUuid()
                + ") twice: a VM moves once per run; write a new plan with vm-migrate-plan or"
                + " host-evacuate-plan");
      }
    }
    return plan;
  }
}
