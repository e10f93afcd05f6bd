package io.xemigrate.plugin.capture;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.Scenario.CpuSpec;
import io.xemigrate.simulator.scenario.Scenario.HostSpec;
import io.xemigrate.simulator.scenario.Scenario.NetworkSpec;
import io.xemigrate.simulator.scenario.Scenario.NicSpec;
import io.xemigrate.simulator.scenario.Scenario.PifSpec;
import io.xemigrate.simulator.scenario.Scenario.PoolSpec;
import io.xemigrate.simulator.scenario.Scenario.SoftwareSpec;
import io.xemigrate.simulator.scenario.Scenario.SrSpec;
import io.xemigrate.simulator.scenario.Scenario.UserSpec;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Network;
import io.xemigrate.xapi.model.Pif;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Sr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulator scenario from what one pool showed through XenAPI and its RRDs: hosts (CPU, memory,
 * versions, NICs at their {@code PIF_metrics.speed}), SRs, networks with their PIFs, VMs ({@link
 * VmCapture}), and hidden workloads drawn from the RRD ({@link CapturedWorkloads}). UUIDs are kept.
 * Nothing secret is written: the one login is the simulator's own ({@link #USER}/{@link #PASSWORD},
 * not the pool's), and of each object's other_config only xe-migrate's keys (an operator's hints)
 * and {@code assume_network_is_shared} are kept.
 */
public final class ScenarioCapture {
  /** The capture's login, for the simulator that serves it (not the pool's credentials). */
  public static final String USER = "root";

  public static final String PASSWORD = "rehearsal";

  /** Seeds the capture's hidden workloads (the same capture always hides the same truth). */
  public static final long SEED = 1;

  static final long MIB = 1L << 20;
  static final long GIB = 1L << 30;

  /** An operator's hint of an SR's throughput (megabytes per second). */
  private static final String THROUGHPUT_KEY = "xe-migrate:throughput-mbyte";

  private ScenarioCapture() {}

  /**
   * The scenario of {@code pool} with its RRD means {@code loads}.
   *
   * @param name the scenario's name and the pool's (its name label, or the profile's name when the
   *     pool has none)
   */
  public static Scenario of(String name, PoolInventory pool, RrdLoads loads) {
    ImmutableMap<String, String> hosts =
        CaptureNames.of(pool.hosts().values(), Host::uuid, Host::nameLabel);
    ImmutableMap<String, String> srs =
        CaptureNames.of(pool.srs().values(), Sr::uuid, Sr::nameLabel);
    ImmutableMap<String, String> networks =
        CaptureNames.of(pool.networks().values(), Network::uuid, Network::nameLabel);
    VmCapture vms = new VmCapture(pool, loads, hosts, srs, networks);
    PoolSpec poolSpec =
        new PoolSpec(
            name,
            pool.pool().uuid(),
            pool.pool().defaultSrUuid().isEmpty() ? null : srs.get(pool.pool().defaultSrUuid()),
            pool.hosts().values().stream()
                .map(host -> host(pool, host, hosts.get(host.uuid())))
                .toList(),
            pool.srs().values().stream().map(sr -> sr(sr, srs.get(sr.uuid()), hosts)).toList(),
            pool.networks().values().stream()
                .map(network -> network(pool, network, networks.get(network.uuid()), hosts))
                .toList(),
            vms.all());
    return new Scenario(
        "capture-of-" + name,
        null,
        ImmutableList.of(new UserSpec(USER, PASSWORD, "pool-admin")),
        ImmutableList.of(poolSpec),
        CapturedWorkloads.of(pool, loads, hosts, SEED));
  }

  private static HostSpec host(PoolInventory pool, Host host, String name) {
    Map<String, String> cpu = host.cpuInfo();
    Map<String, String> software = host.softwareVersion();
    List<NicSpec> nics = new ArrayList<>();
    Map<String, Pif> physical = new LinkedHashMap<>();
    pool.pifsByHost().get(host.uuid()).stream()
        .filter(pif -> pif.vlan() < 0)
        .forEach(pif -> physical.putIfAbsent(pif.device(), pif));
    physical
        .values()
        .forEach(
            pif ->
                nics.add(
                    new NicSpec(
                        pif.device(),
                        blankToNull(pif.mac()),
                        pif.speedMbps() > 0 ? pif.speedMbps() : null)));
    return new HostSpec(
        name,
        host.uuid(),
        host.uuid().equals(pool.pool().masterHostUuid()),
        host.enabled(),
        new CpuSpec(
            blankToNull(host.cpuVendor()),
            blankToNull(cpu.get("modelname")),
            blankToNull(cpu.getOrDefault("features_hvm", cpu.get("features"))),
            host.cpuCount() > 0 ? host.cpuCount() : null,
            integer(cpu.get("socket_count")),
            decimal(cpu.get("speed"))),
        host.memoryTotal() > 0 ? host.memoryTotal() / MIB : null,
        host.memoryOverhead() > 0 ? host.memoryOverhead() / MIB : null,
        new SoftwareSpec(
            blankToNull(software.get("product_version")),
            blankToNull(software.get("platform_version")),
            blankToNull(software.getOrDefault("xapi_build", software.get("xapi"))),
            blankToNull(software.get("xen"))),
        host.virtualHardwarePlatformVersions().isEmpty()
            ? null
            : host.virtualHardwarePlatformVersions(),
        nics,
        null,
        null);
  }

  private static SrSpec sr(Sr sr, String name, Map<String, String> hosts) {
    long size = Math.max(1, ceilDiv(sr.physicalSize(), GIB));
    Optional<String> host =
        sr.shared() ? Optional.empty() : sr.attachedHostUuids().stream().findFirst();
    return new SrSpec(
        name,
        sr.uuid(),
        sr.type().isEmpty() ? "unknown" : sr.type(),
        sr.shared(),
        host.map(hosts::get).orElse(null),
        size,
        Math.min(size, sr.freeSpace() / GIB),
        throughputHint(sr).orElse(null),
        sr.smCapabilities().isEmpty() ? null : List.copyOf(sr.smCapabilities()),
        ownKeys(sr.otherConfig()));
  }

  private static NetworkSpec network(
      PoolInventory pool, Network network, String name, Map<String, String> hosts) {
    List<PifSpec> pifs = new ArrayList<>();
    for (String uuid : network.pifUuids()) {
      Pif pif = pool.pifs().get(uuid);
      if (pif == null || !hosts.containsKey(pif.hostUuid())) {
        continue;
      }
      pifs.add(
          new PifSpec(
              hosts.get(pif.hostUuid()),
              pif.device(),
              pif.hasIp() ? pif.ip() : null,
              pif.hasIp() ? blankToNull(pif.netmask()) : null,
              null,
              pif.management()));
    }
    long vlan = pool.vlanOf(network);
    return new NetworkSpec(
        name,
        network.uuid(),
        blankToNull(network.bridge()),
        vlan >= 0 ? vlan : null,
        network.mtu() > 0 ? network.mtu() : null,
        pifs,
        ownKeys(network.otherConfig()));
  }

  /**
   * The other_config keys a capture keeps: xe-migrate's own (an operator's hints, which the planner
   * reads) and {@code assume_network_is_shared} (xapi's, read by the checks); null when none.
   */
  static Map<String, String> ownKeys(Map<String, String> otherConfig) {
    Map<String, String> kept = new LinkedHashMap<>();
    otherConfig.forEach(
        (key, value) -> {
          if (key.startsWith("xe-migrate:") || key.equals("assume_network_is_shared")) {
            kept.put(key, value);
          }
        });
    return kept.isEmpty() ? null : kept;
  }

  private static Optional<Long> throughputHint(Sr sr) {
    try {
      String hint = sr.otherConfig().get(THROUGHPUT_KEY);
      return hint == null ? Optional.empty() : Optional.of(Math.round(Double.parseDouble(hint)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static long ceilDiv(long value, long unit) {
    return (value + unit - 1) / unit;
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static Integer integer(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double decimal(String text) {
    try {
      return text == null ? null : Double.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
