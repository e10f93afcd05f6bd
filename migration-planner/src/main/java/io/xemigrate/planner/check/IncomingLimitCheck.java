package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;

/** The plan's limit of moves into one host ({@code Limits.maxIncomingPerHost}, 0 = none). */
public final class IncomingLimitCheck implements HostCheck {
  @Override
  public List<Finding> check(HostContext context) {
    int limit = context.limits().maxIncomingPerHost();
    if (limit == 0 || context.plannedIncoming() < limit) {
      return List.of();
    }
    return List.of(
        Finding.blocker(
            Codes.HOST_INCOMING_LIMIT_REACHED,
            List.of(context.hostUuid(), String.valueOf(limit)),
            List.of(context.hostUuid()),
            "Host "
                + context.host().nameLabel()
                + " already receives "
                + limit
                + " VMs in this plan, the limit.",
            "Raise the limit, or add destination hosts."));
  }
}
