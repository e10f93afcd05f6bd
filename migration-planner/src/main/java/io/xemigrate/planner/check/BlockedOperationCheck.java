package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;

/**
 * The operation the move uses ({@code migrate_send} or {@code pool_migrate}) must not be in the
 * VM's {@code blocked_operations}: {@code OPERATION_BLOCKED [vm; reason]}
 * (docs/xapi-behaviour.md#lifecycle-checks step 1). A host check because the operation depends on
 * whether disks move to reach that host.
 */
public final class BlockedOperationCheck implements HostCheck {
  @Override
  public boolean readsOnlyTheDiskMap() {
    return true;
  }

  @Override
  public List<Finding> check(HostContext context) {
    String operation = context.method().operation();
    String reason = context.move().vm().blockedOperations().get(operation);
    if (reason == null) {
      return List.of();
    }
    return List.of(
        Finding.blocker(
            Codes.OPERATION_BLOCKED,
            List.of(context.vmUuid(), reason),
            List.of(context.vmUuid()),
            "Operation "
                + operation
                + " is blocked on "
                + context.move().vm().nameLabel()
                + ": "
                + reason,
            "Remove " + operation + " from the VM's blocked_operations if the move is intended."));
  }
}
