package io.xemigrate.planner.check;

import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Vm;
import java.util.Optional;

/**
 * xapi's CPU rule ({@code cpuid_helpers.ml}, docs/xapi-behaviour.md#cpu-compatibility): the VM's
 * {@code last_boot_CPU_flags} against one host's {@code features_hvm} ({@code features_pv} for PV).
 * Xen's own policy comparison is not available here, so this is xapi's fallback: the VM's feature
 * words extended with zeros or truncated to the host's length must be a subset of the host's.
 */
public final class CpuFeatures {
  public static final String NO_LEVELING_KEYS =
      "Host does not have new leveling feature keys - not comparing VM's flags";
  public static final String DIFFERENT_VENDOR =
      "VM last booted on a host which had a CPU from a different vendor.";
  public static final String MISSING_FEATURES =
      "VM last booted on a CPU with features this host's CPU does not have.";

  private CpuFeatures() {}

  /** xapi's reason for refusing the host, or empty when the VM's CPU flags fit. */
  public static Optional<String> incompatibility(Vm vm, Host host) {
    String key = "pv".equals(vm.domainType()) ? "features_pv" : "features_hvm";
    if (!host.cpuInfo().containsKey("vendor") || !host.cpuInfo().containsKey(key)) {
      return Optional.of(NO_LEVELING_KEYS);
    }
    String vmVendor = vm.lastBootCpuFlags().get("vendor");
    if (vmVendor != null && !vmVendor.equals(host.cpuVendor())) {
      return Optional.of(DIFFERENT_VENDOR);
    }
    String vmFeatures = vm.lastBootCpuFlags().get("features");
    if (vmFeatures != null && !isSubset(vmFeatures, host.cpuInfo().get(key))) {
      return Optional.of(MISSING_FEATURES);
    }
    return Optional.empty();
  }

  /**
   * Whether every feature bit of {@code vm} (resized to the host's word count) is in {@code host}.
   */
  static boolean isSubset(String vm, String host) {
    long[] vmWords = parse(vm);
    long[] hostWords = parse(host);
    for (int i = 0; i < hostWords.length; i++) {
      long word = i < vmWords.length ? vmWords[i] : 0;
      if ((word & hostWords[i]) != word) {
        return false;
      }
    }
    return true;
  }

  /** Feature words: 32-bit hex words joined by {@code -}; an unparsable word counts as 0. */
  static long[] parse(String featureSet) {
    if (featureSet.isBlank()) {
      return new long[0];
    }
    String[] parts = featureSet.trim().split("-");
    long[] words = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        words[i] = Long.parseLong(parts[i], 16);
      } catch (NumberFormatException e) {
        words[i] = 0;
      }
    }
    return words;
  }
}
