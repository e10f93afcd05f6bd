package io.xemigrate.simulator.migration;

import java.util.Map;
import java.util.Optional;

/**
 * xapi's {@code assert_vm_is_compatible} (docs/xapi-behaviour.md#cpu-compatibility): may a running
 * VM, with the CPU flags it last booted with, move to a host? Pure: returns the reason xapi would
 * give, or empty.
 */
public final class CpuCompatibility {
  static final String NO_LEVELLING_KEYS =
      "Host does not have new leveling feature keys - not comparing VM's flags";
  static final String OTHER_VENDOR =
      "VM last booted on a host which had a CPU from a different vendor.";
  static final String MISSING_FEATURES =
      "VM last booted on a CPU with features this host's CPU does not have.";

  private CpuCompatibility() {}

  /**
   * @param halted whether the VM is Halted (the check is skipped)
   * @param domainType VM_metrics.current_domain_type while running, else VM.domain_type
   * @param lastBootFlags VM.last_boot_CPU_flags ({@code vendor}, {@code features})
   * @param hostCpuInfo host.cpu_info
   */
  public static Optional<String> incompatibility(
      boolean halted,
      String domainType,
      Map<String, String> lastBootFlags,
      Map<String, String> hostCpuInfo) {
    if (halted) {
      return Optional.empty();
    }
    String featuresKey = domainType.equals("pv") ? "features_pv" : "features_hvm";
    if (!hostCpuInfo.containsKey("vendor") || !hostCpuInfo.containsKey(featuresKey)) {
      return Optional.of(NO_LEVELLING_KEYS);
    }
    String vendor = lastBootFlags.get("vendor");
    if (vendor != null && !vendor.equals(hostCpuInfo.get("vendor"))) {
      return Optional.of(OTHER_VENDOR);
    }
    String features = lastBootFlags.get("features");
    if (features != null && !isSubset(features, hostCpuInfo.get(featuresKey))) {
      return Optional.of(MISSING_FEATURES);
    }
    return Optional.empty();
  }

  /**
   * The fallback of {@code policy_is_compatible}: extend the VM's words with zeros or truncate them
   * to the host's word count; compatible when {@code vm AND host == vm}.
   */
  static boolean isSubset(String vmFeatures, String hostFeatures) {
    long[] vm = words(vmFeatures);
    long[] host = words(hostFeatures);
    for (int i = 0; i < host.length; i++) {
      long word = i < vm.length ? vm[i] : 0;
      if ((word & host[i]) != word) {
        return false;
      }
    }
    return true;
  }

  private static long[] words(String featureSet) {
    if (featureSet.isBlank()) {
      return new long[0];
    }
    String[] parts = featureSet.trim().split("-");
    long[] words = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      words[i] = Long.parseLong(parts[i], 16);
    }
    return words;
  }
}
