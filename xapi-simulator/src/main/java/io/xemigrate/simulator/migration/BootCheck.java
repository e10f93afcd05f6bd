package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.store.PlatformFlags;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code assert_can_boot_here} in xapi's order (docs/xapi-behaviour.md#boot-checks). The GPU, USB,
 * SR-IOV and HVM-support steps (10 to 14) are not modelled: the simulator has no pGPU capacity or
 * IOMMU data.
 */
final class BootCheck {
  /** Which optional steps run. */
  record Options(boolean srCheck, boolean cpuCheck, boolean memoryCheck) {}

  private BootCheck() {}

  static Optional<XapiException> check(
      PoolView view,
      XapiRecord vm,
      XapiRecord host,
      Options options,
      MemoryArithmetic.Policy policy) {
    String vmRef = vm.ref();
    String hostRef = host.ref();
    if (!view.hostLive(host)) {
      return error("HOST_NOT_LIVE");
    }
    if (!host.bool("enabled") && !vm.string("resident_on").equals(hostRef)) {
      return error("HOST_DISABLED", hostRef);
    }
    Optional<XapiException> platform = hardwarePlatform(vm, host, vmRef);
    if (platform.isPresent()) {
      return platform;
    }
    if (options.cpuCheck()) {
      Optional<String> reason =
          CpuCompatibility.incompatibility(
              vm.string("power_state").equals("Halted"),
              view.domainType(vm),
              vm.stringMap("last_boot_CPU_flags"),
              host.stringMap("cpu_info"));
      if (reason.isPresent()) {
        return error("VM_INCOMPATIBLE_WITH_THIS_HOST", vmRef, hostRef, reason.get());
      }
    }
    if (options.srCheck()) {
      List<String> vdis = new ArrayList<>();
      vm.strings("VBDs").stream()
          .map(ref -> view.get(XapiClass.VBD, ref))
          .filter(vbd -> !vbd.bool("empty") && !Refs.isNull(vbd.string("VDI")))
          .forEach(vbd -> vdis.add(vbd.string("VDI")));
      if (vm.string("power_state").equals("Suspended") && !Refs.isNull(vm.string("suspend_VDI"))) {
        vdis.add(vm.string("suspend_VDI"));
      }
      for (String vdi : vdis) {
        String sr = view.get(XapiClass.VDI, vdi).string("SR");
        if (!view.hostSeesSr(hostRef, sr)) {
          return error("VM_REQUIRES_SR", vmRef, sr);
        }
      }
    }
    Optional<XapiException> network = networks(view, vm, hostRef);
    if (network.isPresent()) {
      return network;
    }
    if (options.memoryCheck()) {
      long needed = MemoryArithmetic.needed(memoryOf(view, vm), policy);
      long available = available(view, host, vmRef);
      if (needed > available) {
        return error(
            "HOST_NOT_ENOUGH_FREE_MEMORY", Long.toString(needed), Long.toString(available));
      }
    }
    return pcpus(vm, host);
  }

  static Optional<XapiException> hardwarePlatform(XapiRecord vm, XapiRecord host, String vmRef) {
    List<Long> versions =
        host.list("virtual_hardware_platform_versions").stream()
            .map(value -> Long.valueOf(String.valueOf(value)))
            .collect(Collectors.toList());
    if (versions.isEmpty()) {
      versions = List.of(0L);
    }
    long wanted = vm.integer("hardware_platform_version");
    if (!versions.contains(wanted)) {
      String listed =
          versions.stream().map(String::valueOf).collect(Collectors.joining("; ", "[", "]"));
      return error(
          "VM_HOST_INCOMPATIBLE_VIRTUAL_HARDWARE_PLATFORM_VERSION",
          host.ref(),
          listed,
          vmRef,
          Long.toString(wanted));
    }
    return Optional.empty();
  }

  static Optional<XapiException> pcpus(XapiRecord vm, XapiRecord host) {
    long vcpus = vm.integer("VCPUs_max");
    long pcpus = parseLong(host.stringMap("cpu_info").getOrDefault("cpu_count", "0"));
    boolean unrestricted = PlatformFlags.isTrue(vm.stringMap("platform"), "vcpu-unrestricted");
    if (!unrestricted && vcpus > pcpus) {
      return error("HOST_NOT_ENOUGH_PCPUS", Long.toString(vcpus), Long.toString(pcpus));
    }
    return Optional.empty();
  }

  private static Optional<XapiException> networks(PoolView view, XapiRecord vm, String hostRef) {
    for (XapiRecord vif : view.vifs(vm)) {
      String networkRef = vif.string("network");
      Optional<XapiRecord> network = view.find(XapiClass.NETWORK, networkRef);
      if (network.isEmpty()) {
        continue;
      }
      if (!network.get().strings("PIFs").isEmpty()) {
        Optional<XapiRecord> pif = view.pifOn(hostRef, networkRef);
        if (pif.isEmpty()) {
          return error("VM_REQUIRES_NETWORK", vm.ref(), networkRef);
        }
        if (!Refs.isNull(pif.get().string("bond_slave_of"))) {
          return error("HOST_CANNOT_ATTACH_NETWORK", hostRef, networkRef);
        }
      } else if (!internalNetworkReachable(view, network.get(), hostRef)) {
        return error("VM_REQUIRES_NETWORK", vm.ref(), networkRef);
      }
    }
    return Optional.empty();
  }

  /**
   * A network without PIFs ties its running VMs to one host (docs/xapi-behaviour.md#boot-checks
   * step 9).
   */
  private static boolean internalNetworkReachable(
      PoolView view, XapiRecord network, String hostRef) {
    if ("true".equals(network.stringMap("other_config").get("assume_network_is_shared"))
        || !network.bool("managed")) {
      return true;
    }
    List<String> hostsOfRunningVms =
        network.strings("VIFs").stream()
            .flatMap(vif -> view.find(XapiClass.VIF, vif).stream())
            .flatMap(vif -> view.find(XapiClass.VM, vif.string("VM")).stream())
            .filter(vm -> vm.string("power_state").equals("Running"))
            .map(vm -> vm.string("resident_on"))
            .toList();
    return hostsOfRunningVms.isEmpty() || hostsOfRunningVms.contains(hostRef);
  }

  static MemoryArithmetic.VmMemory memoryOf(PoolView view, XapiRecord vm) {
    return new MemoryArithmetic.VmMemory(
        view.domainType(vm),
        vm.integer("memory_dynamic_min"),
        vm.integer("memory_static_max"),
        vm.integer("VCPUs_max"),
        vm.real("HVM_shadow_multiplier"));
  }

  /**
   * docs/xapi-behaviour.md#memory-arithmetic: total − host overhead − Σ(dynamic_min + overhead) of
   * resident and scheduled VMs.
   */
  static long available(PoolView view, XapiRecord host, String excludedVm) {
    long used = 0;
    for (XapiRecord other : view.store().all(XapiClass.VM)) {
      boolean counted =
          other.string("resident_on").equals(host.ref())
              || other.string("scheduled_to_be_resident_on").equals(host.ref());
      if (counted && !other.ref().equals(excludedVm) && !other.bool("is_a_snapshot")) {
        used += other.integer("memory_dynamic_min") + other.integer("memory_overhead");
      }
    }
    return MemoryArithmetic.available(
        view.memoryTotal(host), host.integer("memory_overhead"), used);
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Optional<XapiException> error(String code, String... params) {
    return Optional.of(XapiException.of(code, params));
  }
}
