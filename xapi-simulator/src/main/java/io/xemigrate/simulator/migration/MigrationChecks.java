package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code VM.assert_can_migrate} in xapi's order (docs/xapi-behaviour.md#assert-can-migrate): the
 * common prefix, then the intra-pool or the cross-pool branch (with the destination dry run), then
 * the fixable CBT / encryption errors last. Returns what the checks resolved, for {@code
 * migrate_send}.
 */
final class MigrationChecks {
  /** The result of a passing check: the target and the inferred VIF map. */
  record Verdict(MigrationTarget target, ImmutableMap<String, String> vifMap) {}

  private final MigrationService service;

  MigrationChecks(MigrationService service) {
    this.service = service;
  }

  Verdict assertCanMigrate(PoolRuntime source, MigrationRequest request) {
    PoolView view = new PoolView(source.store());
    XapiRecord vm = view.get(XapiClass.VM, request.vmRef());
    // A1 (legacy vGPU types) is not modelled: the simulator has no vGPU type catalogue.
    if (restricted(view.pool(), "restrict_storage_motion")) {
      throw XapiException.of("LICENCE_RESTRICTION", "Storage_motion");
    }
    MigrationTarget target = resolve(source, DestinationMap.parse(request.dest()));
    for (XapiRecord vbd : view.diskVbds(vm)) {
      if (!request.vdiMap().containsKey(vbd.string("VDI"))) {
        throw XapiException.of("VDI_NOT_IN_MAP", vbd.string("VDI"));
      }
    }
    boolean force = request.flag("force");
    XapiRecord sourceHost = sourceHost(view, vm);
    ImmutableMap<String, String> vifMap;
    if (!target.crossPool()) {
      if (!SoftwareVersions.destinationNotOlder(
          sourceHost.stringMap("software_version"), target.host().stringMap("software_version"))) {
        throw XapiException.of("NOT_SUPPORTED_DURING_UPGRADE");
      }
      assertSrSupport(view, target.view(), request.vdiMap());
      BootCheck.check(
              view,
              vm,
              target.host(),
              new BootCheck.Options(false, !force, true),
              MemoryArithmetic.Policy.STANDARD)
          .ifPresent(
              e -> {
                throw e;
              });
      if (!request.vifMap().isEmpty()) {
        throw XapiException.of(
            "OPERATION_NOT_ALLOWED",
            "VIF mapping is not allowed for intra-pool migration -all VIFs must be on the same"
                + " network");
      }
      vifMap = ImmutableMap.of();
    } else {
      vifMap = crossPoolBranch(view, vm, sourceHost, target, request, force);
    }
    assertNoCbtOrEncryption(view, request.vdiMap(), target);
    return new Verdict(target, vifMap);
  }

  private ImmutableMap<String, String> crossPoolBranch(
      PoolView view,
      XapiRecord vm,
      XapiRecord sourceHost,
      MigrationTarget target,
      MigrationRequest request,
      boolean force) {
    XapiRecord host = target.host();
    if (!SoftwareVersions.destinationNotOlder(
        sourceHost.stringMap("software_version"), host.stringMap("software_version"))) {
      throw XapiException.of("VM_HOST_INCOMPATIBLE_VERSION_MIGRATE", vm.ref(), host.ref());
    }
    assertSrSupport(view, target.view(), request.vdiMap());
    boolean halted = vm.string("power_state").equals("Halted");
    if (request.flag("copy") && !force && !halted) {
      throw XapiException.of(
          "VM_BAD_POWER_STATE", vm.ref(), "halted", vm.string("power_state").toLowerCase());
    }
    BootCheck.hardwarePlatform(vm, host, vm.ref())
        .ifPresent(
            e -> {
              throw e;
            });
    if (!host.bool("enabled")) {
      throw XapiException.of("HOST_DISABLED", host.ref());
    }
    BootCheck.pcpus(vm, host)
        .ifPresent(
            e -> {
              throw e;
            });
    ImmutableMap<String, String> vifMap = VifMapInference.infer(view, vm, request.vifMap());
    if (service.faults().refusing(host.uuid(), service.clock().nanos())) {
      throw XapiException.of("CANNOT_CONTACT_HOST", target.dest().remoteIp());
    }
    CrossPoolImport.dryRun(view, vm, target, !request.flag("copy"), !force && !halted);
    return vifMap;
  }

  /** docs/xapi-behaviour.md#sr-capabilities: only pairs whose SR changes (by UUID) are examined. */
  private static void assertSrSupport(
      PoolView source, PoolView destination, Map<String, String> vdiMap) {
    for (Map.Entry<String, String> entry : vdiMap.entrySet()) {
      Optional<XapiRecord> vdi = source.find(XapiClass.VDI, entry.getKey());
      if (vdi.isEmpty()) {
        continue;
      }
      XapiRecord sourceSr = source.get(XapiClass.SR, vdi.get().string("SR"));
      XapiRecord destSr =
          destination
              .find(XapiClass.SR, entry.getValue())
              .orElseThrow(() -> XapiException.of("HANDLE_INVALID", "SR", entry.getValue()));
      if (sourceSr.uuid().equals(destSr.uuid())) {
        continue;
      }
      List<String> missing = missing(source.smCapabilities(sourceSr.string("type")), false);
      if (!missing.isEmpty()) {
        throw XapiException.of(
            "SR_DOES_NOT_SUPPORT_MIGRATION", sourceSr.ref(), String.join(";", missing));
      }
      missing = missing(destination.smCapabilities(destSr.string("type")), true);
      if (!missing.isEmpty()) {
        throw XapiException.of(
            "SR_DOES_NOT_SUPPORT_MIGRATION", destSr.ref(), String.join(";", missing));
      }
    }
  }

  private static List<String> missing(List<String> features, boolean receiving) {
    List<String> missing = new ArrayList<>();
    if (!features.contains("VDI_SNAPSHOT")) {
      missing.add("VDI_SNAPSHOT");
    }
    if (receiving) {
      // A listed VDI_MIRROR also counts as VDI_MIRROR_IN (smint.ml, has_capability).
      if (!features.contains("VDI_MIRROR_IN") && !features.contains("VDI_MIRROR")) {
        missing.add("VDI_MIRROR_IN");
      }
    } else if (!features.contains("VDI_MIRROR")) {
      missing.add("VDI_MIRROR");
    }
    return missing;
  }

  /** D1: the errors a client can fix and retry come last on purpose (xen-api PR #3215). */
  static void assertNoCbtOrEncryption(
      PoolView view, Map<String, String> vdiMap, MigrationTarget target) {
    for (Map.Entry<String, String> entry : vdiMap.entrySet()) {
      Optional<XapiRecord> vdi = view.find(XapiClass.VDI, entry.getKey());
      if (vdi.isEmpty() || vdi.get().string("SR").equals(entry.getValue())) {
        continue;
      }
      if (vdi.get().bool("cbt_enabled")) {
        throw XapiException.of("VDI_CBT_ENABLED", vdi.get().ref());
      }
      if (vdi.get().stringMap("sm_config").containsKey("key_hash")) {
        throw XapiException.of("VDI_IS_ENCRYPTED", vdi.get().ref());
      }
    }
  }

  /** A3: the move is intra-pool when {@code dest.host} is a ref of the sender's database. */
  MigrationTarget resolve(PoolRuntime source, DestinationMap dest) {
    Optional<XapiRecord> local = source.store().find(XapiClass.HOST, dest.hostRef());
    if (local.isPresent()) {
      return new MigrationTarget(false, source, local.get(), dest);
    }
    PoolRuntime remote =
        service
            .directory()
            .byHost(dest.hostRef())
            .orElseThrow(() -> XapiException.of("CANNOT_CONTACT_HOST", dest.remoteIp()));
    if (!remote.sessions().isLive(dest.sessionRef())) {
      throw XapiException.of("SESSION_INVALID", dest.sessionRef());
    }
    XapiRecord host = remote.store().get(XapiClass.HOST, dest.hostRef());
    return new MigrationTarget(true, remote, host, dest);
  }

  /** For the version rule: the resident host, or the master when the VM runs nowhere. */
  static XapiRecord sourceHost(PoolView view, XapiRecord vm) {
    String resident = vm.string("resident_on");
    return view.get(XapiClass.HOST, Refs.isNull(resident) ? view.masterRef() : resident);
  }

  static boolean restricted(XapiRecord pool, String key) {
    return "true".equals(pool.stringMap("restrictions").get(key));
  }
}
