package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.Optional;

/** Read helpers over one pool's store: the joins that migration checks make again and again. */
final class PoolView {
  private final ObjectStore store;

  PoolView(ObjectStore store) {
    this.store = store;
  }

  ObjectStore store() {
    return store;
  }

  XapiRecord get(XapiClass cls, String ref) {
    return store.get(cls, ref);
  }

  Optional<XapiRecord> find(XapiClass cls, String ref) {
    return Refs.isNull(ref) ? Optional.empty() : store.find(cls, ref);
  }

  XapiRecord pool() {
    return store.all(XapiClass.POOL).get(0);
  }

  String masterRef() {
    return pool().string("master");
  }

  /** VBDs of a VM that carry a disk: not empty and not CDs (the A4 rule). */
  ImmutableList<XapiRecord> diskVbds(XapiRecord vm) {
    return vm.strings("VBDs").stream()
        .map(ref -> store.get(XapiClass.VBD, ref))
        .filter(vbd -> !vbd.bool("empty") && !vbd.string("type").equals("CD"))
        .filter(vbd -> !Refs.isNull(vbd.string("VDI")))
        .collect(ImmutableList.toImmutableList());
  }

  ImmutableList<XapiRecord> cdVbds(XapiRecord vm) {
    return vm.strings("VBDs").stream()
        .map(ref -> store.get(XapiClass.VBD, ref))
        .filter(vbd -> vbd.string("type").equals("CD"))
        .collect(ImmutableList.toImmutableList());
  }

  ImmutableList<XapiRecord> vifs(XapiRecord vm) {
    return vm.strings("VIFs").stream()
        .map(ref -> store.get(XapiClass.VIF, ref))
        .collect(ImmutableList.toImmutableList());
  }

  ImmutableList<XapiRecord> snapshots(XapiRecord vm) {
    return vm.strings("snapshots").stream()
        .flatMap(ref -> store.find(XapiClass.VM, ref).stream())
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The SM record whose type equals the SR's type, when exactly one matches
   * (docs/xapi-behaviour.md#sr-capabilities).
   */
  ImmutableList<String> smCapabilities(String srType) {
    ImmutableList<XapiRecord> matching =
        store.where(XapiClass.SM, sm -> sm.string("type").equals(srType));
    if (matching.size() != 1) {
      return ImmutableList.of();
    }
    XapiRecord sm = matching.get(0);
    ImmutableList.Builder<String> features = ImmutableList.builder();
    // features maps each name to its version ("VDI_MIRROR" -> 2); capabilities lists the names.
    features.addAll(sm.map("features").keySet());
    features.addAll(sm.strings("capabilities"));
    return features.build();
  }

  Optional<XapiRecord> pifOn(String hostRef, String networkRef) {
    return store
        .where(
            XapiClass.PIF,
            pif -> pif.string("host").equals(hostRef) && pif.string("network").equals(networkRef))
        .stream()
        .findFirst();
  }

  Optional<XapiRecord> managementPif(String hostRef) {
    return store
        .where(XapiClass.PIF, pif -> pif.string("host").equals(hostRef) && pif.bool("management"))
        .stream()
        .findFirst();
  }

  /** Whether the host has a currently attached PBD for the SR. */
  boolean hostSeesSr(String hostRef, String srRef) {
    return store
        .where(
            XapiClass.PBD,
            pbd ->
                pbd.string("host").equals(hostRef)
                    && pbd.string("SR").equals(srRef)
                    && pbd.bool("currently_attached"))
        .stream()
        .findAny()
        .isPresent();
  }

  boolean hostLive(XapiRecord host) {
    return find(XapiClass.HOST_METRICS, host.string("metrics"))
        .map(metrics -> metrics.bool("live"))
        .orElse(true);
  }

  long memoryTotal(XapiRecord host) {
    return find(XapiClass.HOST_METRICS, host.string("metrics"))
        .map(metrics -> metrics.integer("memory_total"))
        .orElse(0L);
  }

  /**
   * VM_metrics.current_domain_type while running, else VM.domain_type
   * (docs/xapi-behaviour.md#cpu-compatibility).
   */
  String domainType(XapiRecord vm) {
    if (vm.string("power_state").equals("Halted")) {
      return vm.string("domain_type");
    }
    return find(XapiClass.VM_METRICS, vm.string("metrics"))
        .map(metrics -> metrics.string("current_domain_type"))
        .filter(type -> !type.equals("unspecified"))
        .orElse(vm.string("domain_type"));
  }

  /** Resident VMs of a host that are not the control domain. */
  ImmutableList<XapiRecord> residentGuests(String hostRef) {
    return store.where(
        XapiClass.VM,
        vm ->
            vm.string("resident_on").equals(hostRef)
                && !vm.bool("is_control_domain")
                && !vm.bool("is_a_snapshot")
                && !vm.bool("is_a_template"));
  }
}
