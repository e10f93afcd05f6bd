package io.xemigrate.planner.plan;

import io.xemigrate.planner.Finding;
import java.util.List;
import java.util.Locale;

/**
 * The pre-flight verdict per VM, in the shape of {@code vm-migrate-check --json}: {@code
 * {"vms":[{"uuid","name","verdict":"ok"|"blocked","destinationHost","findings":[{"severity":
 * "blocker"|"warning","code","params","message","remedy"}]}]}}. A projection of a plan, for the
 * command line.
 */
public record CheckReport(List<VmVerdict> vms) {

  public CheckReport {
    vms = List.copyOf(vms);
  }

  public static CheckReport of(MigrationPlan plan) {
    return new CheckReport(plan.moves().stream().map(CheckReport::verdict).toList());
  }

  /** Whether every VM can move (the command line's exit code 0, else 3). */
  public boolean allCanMove() {
    return vms.stream().allMatch(vm -> vm.verdict().equals("ok"));
  }

  private static VmVerdict verdict(MovePlan move) {
    return new VmVerdict(
        move.vmUuid(),
        move.vmName(),
        move.verdict().name().toLowerCase(Locale.ROOT),
        move.destinationHostUuid(),
        move.findings().stream().map(CheckReport::finding).toList());
  }

  private static ReportedFinding finding(Finding finding) {
    return new ReportedFinding(
        finding.severity().name().toLowerCase(Locale.ROOT),
        finding.code(),
        finding.params(),
        finding.message(),
        finding.remedy());
  }

  /** One VM: {@code verdict} is {@code ok} or {@code blocked}. */
  public record VmVerdict(
      String uuid,
      String name,
      String verdict,
      String destinationHost,
      List<ReportedFinding> findings) {
    public VmVerdict {
      findings = List.copyOf(findings);
    }
  }

  /** One finding: {@code severity} is {@code blocker} or {@code warning}. */
  public record ReportedFinding(
      String severity, String code, List<String> params, String message, String remedy) {
    public ReportedFinding {
      params = List.copyOf(params);
    }
  }
}
