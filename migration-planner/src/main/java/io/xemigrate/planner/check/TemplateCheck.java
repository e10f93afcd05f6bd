package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.xapi.model.Vm;
import java.util.List;

/**
 * Only user VMs move: a template ({@code VM_IS_TEMPLATE [vm; op]}), a snapshot ({@code
 * VM_IS_SNAPSHOT [vm; op]}) or a control domain ({@code OPERATION_NOT_ALLOWED}) is refused, as
 * xapi's lifecycle check does (docs/xapi-behaviour.md#lifecycle-checks steps 4 and 6).
 */
public final class TemplateCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    Vm vm = context.vm();
    if (vm.isControlDomain()) {
      return List.of(
          Finding.blocker(
              Codes.OPERATION_NOT_ALLOWED,
              List.of("This operation is not allowed on a control domain"),
              List.of(vm.uuid()),
              "VM " + vm.nameLabel() + " is a control domain (dom0), which never migrates.",
              "Select user VMs only."));
    }
    if (vm.isTemplate()) {
      return List.of(
          Finding.blocker(
              Codes.VM_IS_TEMPLATE,
              List.of(vm.uuid(), "migrate_send"),
              List.of(vm.uuid()),
              vm.nameLabel() + " is a template, not a VM.",
              "Export and import the template, or create a VM from it first."));
    }
    if (vm.isSnapshot()) {
      return List.of(
          Finding.blocker(
              Codes.VM_IS_SNAPSHOT,
              List.of(vm.uuid(), "migrate_send"),
              List.of(vm.uuid()),
              vm.nameLabel() + " is a snapshot; it moves with its VM.",
              "Move the VM the snapshot belongs to."));
    }
    return List.of();
  }
}
