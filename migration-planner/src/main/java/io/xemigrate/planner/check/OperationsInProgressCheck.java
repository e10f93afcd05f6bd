package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operations in progress on the VM: {@code OTHER_OPERATION_IN_PROGRESS ["VM"; vm; op; task]}, with
 * {@code {a,b}} lists for several (docs/xapi-behaviour.md#lifecycle-checks step 3). xapi makes a
 * migration wait for them (random back-off, up to 2 hours), so this is a warning, except when the
 * VM is already migrating.
 */
public final class OperationsInProgressCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    Map<String, String> operations = new TreeMap<>(context.vm().currentOperations());
    if (operations.isEmpty()) {
      return List.of();
    }
    String tasks = join(List.copyOf(operations.keySet()));
    String ops = join(List.copyOf(operations.values()));
    boolean migrating =
        operations.containsValue("migrate_send") || operations.containsValue("pool_migrate");
    List<String> params = List.of("VM", context.vmUuid(), ops, tasks);
    List<String> objects = List.of(context.vmUuid());
    if (migrating) {
      return List.of(
          Finding.blocker(
              Codes.OTHER_OPERATION_IN_PROGRESS,
              params,
              objects,
              "VM " + context.vm().nameLabel() + " is already being migrated.",
              "Wait for that migration to end, then plan again from a fresh inventory."));
    }
    return List.of(
        Finding.warning(
            Codes.OTHER_OPERATION_IN_PROGRESS,
            params,
            objects,
            "VM " + context.vm().nameLabel() + " is busy with " + ops + "; the move will wait.",
            "Let the operation finish first, or expect the move to start late."));
  }

  private static String join(List<String> values) {
    return values.size() == 1 ? values.get(0) : "{" + String.join(",", values) + "}";
  }
}
