package io.xemigrate.simulator.scenario;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.scenario.Scenario.DiskSpec;
import io.xemigrate.simulator.scenario.Scenario.HostSpec;
import io.xemigrate.simulator.scenario.Scenario.NetworkSpec;
import io.xemigrate.simulator.scenario.Scenario.PoolSpec;
import io.xemigrate.simulator.scenario.Scenario.SrSpec;
import io.xemigrate.simulator.scenario.Scenario.VmSpec;
import io.xemigrate.simulator.workload.WorkloadKinds;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks a bound scenario must pass before a world is built from it; the first failure is
 * thrown with the line of the offending field.
 */
final class ScenarioValidator {
  static final ImmutableSet<String> POWER_STATES =
      ImmutableSet.of("Halted", "Running", "Suspended", "Paused");

  private final String file;
  private final YamlLocator locator;

  ScenarioValidator(String file, YamlLocator locator) {
    this.file = file;
    this.locator = locator;
  }

  void validate(Scenario scenario) {
    if (scenario.users() == null || scenario.users().isEmpty()) {
      fail("users", "at least one user is needed to log in");
    }
    for (int i = 0; i < scenario.users().size(); i++) {
      Scenario.UserSpec user = scenario.users().get(i);
      String at = "users[" + i + "]";
      required(at + ".name", user.name());
      required(at + ".password", user.password());
      required(at + ".role", user.role());
      if (Role.byWireName(user.role()).isEmpty()) {
        fail(
            at + ".role",
            "unknown role '"
                + user.role()
                + "' (pool-admin, pool-operator, vm-power-admin, vm-admin, vm-operator, read-only)");
      }
    }
    if (scenario.pools() == null || scenario.pools().isEmpty()) {
      fail("pools", "at least one pool is needed");
    }
    unique("pools", scenario.pools(), PoolSpec::name);
    for (int p = 0; p < scenario.pools().size(); p++) {
      pool("pools[" + p + "]", scenario.pools().get(p));
    }
    workloads(scenario);
  }

  /** Every {@code vms[].workload} names a built-in kind or one of {@code workloads.kinds}. */
  private void workloads(Scenario scenario) {
    WorkloadKinds kinds = WorkloadKinds.of(scenario.workloads());
    for (int p = 0; p < scenario.pools().size(); p++) {
      List<VmSpec> vms = scenario.pools().get(p).vms();
      for (int v = 0; vms != null && v < vms.size(); v++) {
        String kind = vms.get(v).workload();
        if (kind != null && !kinds.has(kind)) {
          fail(
              "pools[" + p + "].vms[" + v + "].workload",
              "unknown workload kind '"
                  + kind
                  + "' (idle, web, database, batch, general or one of workloads.kinds)");
        }
      }
    }
  }

  private void pool(String at, PoolSpec pool) {
    required(at + ".name", pool.name());
    if (pool.hosts() == null || pool.hosts().isEmpty()) {
      fail(at + ".hosts", "a pool needs at least one host");
    }
    unique(at + ".hosts", pool.hosts(), HostSpec::name);
    long masters = pool.hosts().stream().filter(h -> Boolean.TRUE.equals(h.master())).count();
    if (masters != 1) {
      fail(at + ".hosts", "exactly one host must have 'master: true', found " + masters);
    }
    Set<String> hosts = new HashSet<>();
    for (int h = 0; h < pool.hosts().size(); h++) {
      HostSpec host = pool.hosts().get(h);
      required(at + ".hosts[" + h + "].name", host.name());
      positive(at + ".hosts[" + h + "].memoryMiB", host.memoryMiB());
      hosts.add(host.name());
    }
    List<SrSpec> srs = orEmpty(pool.srs());
    unique(at + ".srs", srs, SrSpec::name);
    Set<String> srNames = new HashSet<>();
    for (int s = 0; s < srs.size(); s++) {
      SrSpec sr = srs.get(s);
      String srAt = at + ".srs[" + s + "]";
      required(srAt + ".name", sr.name());
      required(srAt + ".type", sr.type());
      positive(srAt + ".sizeGiB", sr.sizeGiB());
      if (sr.freeGiB() != null && sr.sizeGiB() != null && sr.freeGiB() > sr.sizeGiB()) {
        fail(srAt + ".freeGiB", "free space exceeds the SR size");
      }
      if (!Boolean.TRUE.equals(sr.shared()) && sr.host() != null && !hosts.contains(sr.host())) {
        fail(srAt + ".host", "no host named '" + sr.host() + "' in this pool");
      }
      srNames.add(sr.name());
    }
    if (pool.defaultSr() != null && !srNames.contains(pool.defaultSr())) {
      fail(at + ".defaultSr", "no SR named '" + pool.defaultSr() + "' in this pool");
    }
    List<NetworkSpec> networks = orEmpty(pool.networks());
    unique(at + ".networks", networks, NetworkSpec::name);
    Set<String> networkNames = new HashSet<>();
    for (int n = 0; n < networks.size(); n++) {
      NetworkSpec network = networks.get(n);
      required(at + ".networks[" + n + "].name", network.name());
      List<Scenario.PifSpec> pifs = orEmpty(network.pifs());
      for (int i = 0; i < pifs.size(); i++) {
        String pifAt = at + ".networks[" + n + "].pifs[" + i + "]";
        required(pifAt + ".host", pifs.get(i).host());
        if (!hosts.contains(pifs.get(i).host())) {
          fail(pifAt + ".host", "no host named '" + pifs.get(i).host() + "' in this pool");
        }
      }
      networkNames.add(network.name());
    }
    List<VmSpec> vms = orEmpty(pool.vms());
    unique(at + ".vms", vms, VmSpec::name);
    for (int v = 0; v < vms.size(); v++) {
      vm(at + ".vms[" + v + "]", vms.get(v), pool, hosts, srNames, networkNames);
    }
  }

  private void vm(
      String at,
      VmSpec vm,
      PoolSpec pool,
      Set<String> hosts,
      Set<String> srs,
      Set<String> networks) {
    required(at + ".name", vm.name());
    positive(at + ".memoryMiB", vm.memoryMiB());
    String power = vm.powerState() == null ? "Halted" : vm.powerState();
    if (!POWER_STATES.contains(power)) {
      fail(at + ".powerState", "unknown power state '" + power + "' (" + POWER_STATES + ")");
    }
    boolean resident = power.equals("Running") || power.equals("Paused");
    if (resident && vm.host() == null) {
      fail(at + ".host", "a " + power + " VM needs a host");
    }
    if (vm.host() != null && !hosts.contains(vm.host())) {
      fail(at + ".host", "no host named '" + vm.host() + "' in this pool");
    }
    if (vm.affinity() != null && !hosts.contains(vm.affinity())) {
      fail(at + ".affinity", "no host named '" + vm.affinity() + "' in this pool");
    }
    if (vm.dynamicMinMiB() != null
        && vm.memoryMiB() != null
        && vm.dynamicMinMiB() > vm.memoryMiB()) {
      fail(at + ".dynamicMinMiB", "dynamic minimum exceeds memoryMiB");
    }
    List<DiskSpec> disks = orEmpty(vm.disks());
    for (int d = 0; d < disks.size(); d++) {
      String diskAt = at + ".disks[" + d + "]";
      required(diskAt + ".sr", disks.get(d).sr());
      if (!srs.contains(disks.get(d).sr())) {
        fail(diskAt + ".sr", "no SR named '" + disks.get(d).sr() + "' in this pool");
      }
      positive(diskAt + ".sizeGiB", disks.get(d).sizeGiB());
      Integer fill = disks.get(d).fillPercent();
      if (fill != null && (fill < 0 || fill > 100)) {
        fail(diskAt + ".fillPercent", "must be between 0 and 100");
      }
    }
    nics(at, orEmpty(vm.nics()), networks);
    List<Scenario.SnapshotSpec> snapshots = orEmpty(vm.snapshots());
    for (int s = 0; s < snapshots.size(); s++) {
      nics(at + ".snapshots[" + s + "]", orEmpty(snapshots.get(s).nics()), networks);
    }
    if (vm.cd() != null && vm.cd().sr() != null && !srs.contains(vm.cd().sr())) {
      fail(at + ".cd.sr", "no SR named '" + vm.cd().sr() + "' in this pool");
    }
    List<String> pcis = orEmpty(vm.pci());
    for (int i = 0; i < pcis.size(); i++) {
      hostPci(pool, vm, at + ".pci[" + i + "]", pcis.get(i));
    }
    List<String> vgpus = orEmpty(vm.vgpus());
    for (int i = 0; i < vgpus.size(); i++) {
      String vgpuAt = at + ".vgpus[" + i + "]";
      VgpuEntry.parse(vgpus.get(i))
          .virtualFunction()
          .ifPresent(id -> hostPci(pool, vm, vgpuAt, id));
    }
  }

  private void hostPci(PoolSpec pool, VmSpec vm, String at, String id) {
    boolean known =
        pool.hosts().stream()
            .filter(h -> h.name().equals(vm.host()))
            .flatMap(h -> orEmpty(h.pcis()).stream())
            .anyMatch(pci -> id.equals(pci.id()));
    if (!known) {
      fail(at, "no PCI device '" + id + "' on the VM's host");
    }
  }

  private void nics(String at, List<Scenario.VifSpec> nics, java.util.Set<String> networks) {
    for (int n = 0; n < nics.size(); n++) {
      String nicAt = at + ".nics[" + n + "]";
      required(nicAt + ".network", nics.get(n).network());
      if (!networks.contains(nics.get(n).network())) {
        fail(nicAt + ".network", "no network named '" + nics.get(n).network() + "' in this pool");
      }
    }
  }

  private <T> void unique(String at, List<T> items, Function<T, String> name) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String value = name.apply(items.get(i));
      if (value != null && !seen.add(value)) {
        fail(at + "[" + i + "].name", "duplicate name '" + value + "'");
      }
    }
  }

  private void required(String at, Object value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      fail(at, "is required");
    }
  }

  private void positive(String at, Long value) {
    if (value != null && value <= 0) {
      fail(at, "must be positive, was " + value);
    }
  }

  private void fail(String field, String problem) {
    throw new ScenarioException(file, locator.line(field), field, problem);
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
