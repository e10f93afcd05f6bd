package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The destination host must be live ({@code HOST_NOT_LIVE []}) and enabled ({@code HOST_DISABLED
 * [host]}, for example in maintenance mode).
 */
public final class HostStateCheck implements HostCheck {
  @Override
  public List<Finding> check(HostContext context) {
    List<Finding> findings = new ArrayList<>(2);
    List<String> objects = List.of(context.hostUuid());
    String name = context.host().nameLabel();
    if (!context.host().live()) {
      findings.add(
          Finding.blocker(
              Codes.HOST_NOT_LIVE,
              List.of(),
              objects,
              "Host " + name + " is not live (its heartbeat stopped).",
              "Bring the host back, or exclude it."));
    }
    if (!context.host().enabled()) {
      findings.add(
          Finding.blocker(
              Codes.HOST_DISABLED,
              List.of(context.hostUuid()),
              objects,
              "Host " + name + " is disabled (maintenance mode?).",
              "Enable the host (xe host-enable), or exclude it."));
    }
    return findings;
  }
}
