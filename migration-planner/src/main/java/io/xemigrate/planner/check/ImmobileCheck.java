package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code platform:nomigrate} or {@code platform:nested-virt} make a VM immobile: {@code
 * VM_IS_IMMOBILE [vm]} (docs/xapi-behaviour.md#lifecycle-checks step 5).
 */
public final class ImmobileCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    Map<String, String> platform = context.vm().platform();
    for (String key : List.of("nomigrate", "nested-virt")) {
      if (isTrue(platform.get(key))) {
        return List.of(
            Finding.blocker(
                Codes.VM_IS_IMMOBILE,
                List.of(context.vmUuid()),
                List.of(context.vmUuid()),
                "VM " + context.vm().nameLabel() + " has platform:" + key + " set, which pins it.",
                "Shut the VM down and move it halted, or remove platform:" + key + "."));
      }
    }
    return List.of();
  }

  private static boolean isTrue(String value) {
    if (value == null) {
      return false;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("1") || lower.equals("on");
  }
}
