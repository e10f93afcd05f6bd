package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.xapi.model.Vm;
import java.util.List;
import java.util.Map;

/**
 * {@code nomigrate} or {@code nested-virt} make a VM immobile: {@code VM_IS_IMMOBILE [vm]}
 * (docs/xapi-behaviour.md#lifecycle-checks step 5). As xapi's {@code is_mobile} ({@code
 * ocaml/xapi/xapi_vm_lifecycle.ml}) reads them: from what {@code VM_metrics} recorded when the
 * domain started while the VM has a metrics record (a running VM keeps the flags it started with,
 * whatever {@code platform} says now), otherwise from {@code platform}, where only {@code "1"} and
 * {@code "true"} in any case are true.
 */
public final class ImmobileCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    Vm vm = context.vm();
    Map<String, String> platform = vm.platform();
    boolean nomigrate =
        vm.startFlags()
            .map(Vm.StartFlags::nomigrate)
            .orElseGet(() -> PlatformFlags.isTrue(platform, "nomigrate"));
    boolean nestedVirt =
        vm.startFlags()
            .map(Vm.StartFlags::nestedVirt)
            .orElseGet(() -> PlatformFlags.isTrue(platform, "nested-virt"));
    if (!nomigrate && !nestedVirt) {
      return List.of();
    }
    String key = nomigrate ? "nomigrate" : "nested-virt";
    return List.of(
        Finding.blocker(
            Codes.VM_IS_IMMOBILE,
            List.of(context.vmUuid()),
            List.of(context.vmUuid()),
            "VM " + vm.nameLabel() + " has platform:" + key + " set, which pins it.",
            "Shut the VM down and move it halted, or remove platform:" + key + "."));
  }
}
