package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.util.List;
import java.util.Set;

/**
 * A live migration suspends the guest briefly, which it must support
 * (docs/xapi-behaviour.md#lifecycle-checks step 7, running or paused VMs only): a {@code
 * data-cant-suspend-reason} gives {@code VM_NON_SUSPENDABLE [vm; reason]}; a guest that did not
 * boot PV ({@code pv}, {@code pv_in_pvh}, {@code pvh}) without PV drivers and without {@code
 * feature-suspend=1} gives {@code VM_LACKS_FEATURE [vm]}.
 */
public final class GuestToolsCheck implements VmCheck {
  /** xapi's {@code has_definitely_booted_pv} ({@code ocaml/xapi/xapi_vm_lifecycle.ml}). */
  private static final Set<String> BOOTED_PV = Set.of("pv", "pv_in_pvh", "pvh");

  @Override
  public List<Finding> check(MoveContext context) {
    Vm vm = context.vm();
    if (vm.powerState() != PowerState.RUNNING && vm.powerState() != PowerState.PAUSED) {
      return List.of();
    }
    Vm.GuestTools tools = vm.guestTools();
    String cantSuspend = tools.other().get("data-cant-suspend-reason");
    if (cantSuspend != null) {
      return List.of(
          Finding.blocker(
              Codes.VM_NON_SUSPENDABLE,
              List.of(vm.uuid(), cantSuspend),
              List.of(vm.uuid()),
              "The guest of " + vm.nameLabel() + " says it cannot be suspended: " + cantSuspend,
              "Fix the cause inside the guest, or shut the VM down and move it halted."));
    }
    boolean bootedPv = BOOTED_PV.contains(vm.domainType());
    boolean suspendable = "1".equals(tools.other().get("feature-suspend"));
    if (!bootedPv && !tools.pvDriversUpToDate() && !suspendable) {
      return List.of(
          Finding.blocker(
              Codes.VM_LACKS_FEATURE,
              List.of(vm.uuid()),
              List.of(vm.uuid()),
              "VM " + vm.nameLabel() + " has no PV drivers and does not report feature-suspend.",
              "Install or start the guest tools (XenServer VM Tools / xe-guest-utilities)."));
    }
    return List.of();
  }
}
