package io.xemigrate.storage.mapping;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Pool;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Sr;
import io.xemigrate.xapi.model.Vbd;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Tiny inventories for mapping tests: hosts, SRs and one VM with disks (ids are UUIDs). */
final class Pools {
  static final long GIB = 1L << 30;
  static final List<String> MOTION = List.of("VDI_SNAPSHOT", "VDI_MIRROR", "VDI_MIRROR_IN");

  private final String id;
  private final List<String> hosts = new ArrayList<>();
  private final List<Sr> srs = new ArrayList<>();
  private final List<Vdi> vdis = new ArrayList<>();
  private final List<Vbd> vbds = new ArrayList<>();
  private final List<Vm> vms = new ArrayList<>();
  private String defaultSr = "";

  Pools(String id, String... hostIds) {
    this.id = id;
    hosts.addAll(List.of(hostIds));
  }

  Pools sr(String srId, String name, String type, long freeGib, String... seenBy) {
    srs.add(
        Sr.builder(srId)
            .nameLabel(name)
            .type(type)
            .shared(seenBy.length > 1)
            .physicalSize(1000 * GIB)
            .physicalUtilisation((1000 - freeGib) * GIB)
            .smCapabilities(ImmutableSet.copyOf(MOTION))
            .attachedHostUuids(ImmutableSet.copyOf(seenBy.length == 0 ? hosts : List.of(seenBy)))
            .build());
    return this;
  }

  Pools defaultSr(String srId) {
    defaultSr = srId;
    return this;
  }

  /** A VM with one disk per {@code vdi@sr:gib} spec, and optionally a snapshot of each disk. */
  Pools vm(String vmId, boolean withSnapshot, String... disks) {
    List<String> vbdIds = new ArrayList<>();
    List<String> snapVbds = new ArrayList<>();
    for (String spec : disks) {
      String vdi = spec.substring(0, spec.indexOf('@'));
      String sr = spec.substring(spec.indexOf('@') + 1, spec.indexOf(':'));
      long gib = Long.parseLong(spec.substring(spec.indexOf(':') + 1));
      vdis.add(vdi(vdi, sr, gib, ""));
      vbds.add(new Vbd(vmId + vdi, vmId, vdi, "0", Vbd.Type.DISK, false, true, false));
      vbdIds.add(vmId + vdi);
      if (withSnapshot) {
        vdis.add(vdi(vdi + "-snap", sr, gib, vdi));
        vbds.add(
            new Vbd(
                "s" + vmId + vdi,
                vmId + "-snap",
                vdi + "-snap",
                "0",
                Vbd.Type.DISK,
                false,
                false,
                false));
        snapVbds.add("s" + vmId + vdi);
      }
    }
    if (withSnapshot) {
      vms.add(vm(vmId + "-snap", true, vmId, List.of(), snapVbds));
    }
    vms.add(vm(vmId, false, "", withSnapshot ? List.of(vmId + "-snap") : List.of(), vbdIds));
    return this;
  }

  PoolInventory build() {
    ImmutableSortedMap.Builder<String, Host> hostMap = ImmutableSortedMap.naturalOrder();
    for (String host : hosts) {
      hostMap.put(
          host,
          new Host(
              host,
              host,
              "",
              true,
              true,
              ImmutableMap.of(),
              ImmutableMap.of(),
              0,
              0,
              0,
              ImmutableList.of(),
              ImmutableList.of(),
              ImmutableMap.of()));
    }
    return new PoolInventory(
        new Pool(id, id, hosts.get(0), defaultSr, ImmutableMap.of()),
        hostMap.build(),
        index(vms, Vm::uuid),
        index(vbds, Vbd::uuid),
        index(vdis, Vdi::uuid),
        index(srs, Sr::uuid),
        ImmutableSortedMap.of(),
        ImmutableSortedMap.of(),
        ImmutableSortedMap.of(),
        "1",
        Instant.EPOCH);
  }

  private static <T> ImmutableSortedMap<String, T> index(
      List<T> values, java.util.function.Function<T, String> key) {
    ImmutableSortedMap.Builder<String, T> map = ImmutableSortedMap.naturalOrder();
    values.forEach(value -> map.put(key.apply(value), value));
    return map.build();
  }

  private static Vdi vdi(String id, String sr, long gib, String snapshotOf) {
    return new Vdi(
        id,
        id,
        sr,
        gib * GIB,
        gib * GIB / 2,
        "user",
        !snapshotOf.isEmpty(),
        snapshotOf,
        false,
        false,
        false,
        ImmutableMap.of(),
        ImmutableSet.of());
  }

  private static Vm vm(
      String id, boolean snapshot, String of, List<String> snaps, List<String> vbds) {
    return Vm.builder(id)
        .nameLabel(id)
        .powerState(snapshot ? PowerState.HALTED : PowerState.RUNNING)
        .isSnapshot(snapshot)
        .snapshotOfUuid(of)
        .snapshotUuids(ImmutableList.copyOf(snaps))
        .memory(new Vm.Memory(GIB, GIB, GIB, GIB, 0))
        .vbdUuids(ImmutableList.copyOf(vbds))
        .build();
  }
}
