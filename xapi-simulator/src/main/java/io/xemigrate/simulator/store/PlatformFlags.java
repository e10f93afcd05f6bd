package io.xemigrate.simulator.store;

import java.util.Locale;
import java.util.Map;

/**
 * xapi's {@code Vm_platform.is_true} ({@code ocaml/xapi/vm_platform.ml}): a boolean key of a {@code
 * platform} map is true for {@code "1"} and for {@code "true"} in any case; any other value, and a
 * missing key, is false.
 */
public final class PlatformFlags {
  private PlatformFlags() {}

  public static boolean isTrue(Map<String, String> platform, String key) {
    String value = platform.get(key);
    return value != null && (value.equals("1") || value.toLowerCase(Locale.ROOT).equals("true"));
  }

  /**
   * xapi's {@code is_mobile}: {@code nomigrate} and {@code nested_virt} from the VM's metrics
   * record while it has one (what the domain started with), else from {@code platform}.
   */
  public static boolean immobile(XapiRecord vm, java.util.Optional<XapiRecord> metrics) {
    if (metrics.isPresent()) {
      return metrics.get().bool("nomigrate") || metrics.get().bool("nested_virt");
    }
    Map<String, String> platform = vm.stringMap("platform");
    return isTrue(platform, "nomigrate") || isTrue(platform, "nested-virt");
  }

  /** xapi's {@code has_definitely_booted_pv}: the domain type a VM booted with is PV-like. */
  public static boolean bootedPv(String domainType) {
    return domainType.equals("pv") || domainType.equals("pv_in_pvh") || domainType.equals("pvh");
  }
}
