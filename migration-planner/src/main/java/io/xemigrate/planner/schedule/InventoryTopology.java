package io.xemigrate.planner.schedule;

import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.HistoryFit;
import io.xemigrate.planner.predict.HostPair;
import io.xemigrate.planner.predict.PrecopyModel;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.storage.estimate.SrThroughput;
import io.xemigrate.xapi.model.Pif;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Sr;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vm;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduler's {@link Topology} from what xapi exposes, so that predictions come from the pools
 * themselves:
 *
 * <ul>
 *   <li>each host's transfer NIC: {@code PIF_metrics.speed} (Mbit/s) of its PIF on the transfer
 *       network, else of its management PIF, else {@link #DEFAULT_NIC_MBPS} (10 GbE) when xapi
 *       reports no speed;
 *   <li>one stream at most {@link #STREAM_CAP_BYTES_PER_SECOND} (xapi reports no such figure: the
 *       tunnelled-encryption ceiling of docs/migration-model.md#transport), replaced per host pair
 *       by the rate the journal's moves showed ({@link HistoryFit});
 *   <li>SR throughput: SR {@code other_config} {@value #SR_THROUGHPUT_KEY} (megabytes, 10^6 bytes,
 *       per second, read and write), else {@link SrThroughput#UNMEASURED};
 *   <li>with {@link PoolObservations} (the RRDs): NIC traffic taken off the NIC's reported speed,
 *       and guests' disk I/O off a measured SR throughput. Load is only ever taken off a capacity
 *       that was measured: an assumed SR speed less observed I/O would be a guess made smaller.
 *   <li>the journal's completed moves fitted into per-VM dirtying and per-pair stream rates ({@link
 *       HistoryFit}), in {@link Topology#calibration()}: the estimator to use with this topology is
 *       {@code new DirtyRateEstimator(topology.calibration())}.
 * </ul>
 */
public final class InventoryTopology {
  /** NIC speed assumed when xapi reports none: 10 GbE. */
  public static final long DEFAULT_NIC_MBPS = 10_000;

  /** Observed load never leaves a NIC or an SR less than this share of its nominal figure. */
  public static final double LEAST_LEFT = 0.2;

  /** One migration stream's ceiling: 2 Gbit/s. */
  public static final double STREAM_CAP_BYTES_PER_SECOND = 250e6;

  /** SR other_config key: the throughput an administrator measured, in MB/s. */
  public static final String SR_THROUGHPUT_KEY = "xe-migrate:throughput-mbyte";

  private InventoryTopology() {}

  /**
   * The topology of {@code pools}.
   *
   * @param transferNetworks networks that carry the moves (their PIFs' speeds count first)
   * @param calibration the journal's observations
   */
  public static Topology of(
      List<PoolInventory> pools,
      Collection<String> transferNetworks,
      CalibrationObservations calibration) {
    return of(pools, transferNetworks, calibration, PoolObservations.none());
  }

  /**
   * As above, with what the RRDs showed: a NIC's observed traffic is taken off its reported speed
   * (the bandwidth left), and the observed disk I/O of the guests on an SR off its measured
   * throughput (an SR without one keeps the default), each at most down to {@link #LEAST_LEFT} of
   * the nominal figure.
   */
  public static Topology of(
      List<PoolInventory> pools,
      Collection<String> transferNetworks,
      CalibrationObservations calibration,
      PoolObservations observed) {
    Map<String, HostLink> hosts = new HashMap<>();
    Map<String, SrThroughput> srs = new HashMap<>();
    for (PoolInventory pool : pools) {
      for (String host : pool.hosts().keySet()) {
        double nominal = nicMbps(pool, host, transferNetworks) * 1e6 / 8;
        double used =
            transferPif(pool, host, transferNetworks)
                .map(pif -> observed.nicInUse(host, pif.device()))
                .orElse(0.0);
        double bytes = Math.max(nominal * LEAST_LEFT, nominal - used);
        hosts.put(host, new HostLink(host, pool.pool().uuid(), bytes));
      }
      Map<String, Double> srLoad = srLoad(pool, observed);
      for (Sr sr : pool.srs().values()) {
        double load = srLoad.getOrDefault(sr.uuid(), 0.0);
        Optional<SrThroughput> measured = srThroughput(sr);
        if (measured.isPresent()) {
          SrThroughput nominal = measured.get();
          srs.put(
              sr.uuid(),
              new SrThroughput(
                  Math.max(
                      nominal.readBytesPerSecond() * LEAST_LEFT,
                      nominal.readBytesPerSecond() - load),
                  Math.max(
                      nominal.writeBytesPerSecond() * LEAST_LEFT,
                      nominal.writeBytesPerSecond() - load)));
        }
      }
    }
    DiskCopyEstimator storage =
        new DiskCopyEstimator(
            DiskCopyEstimator.DEFAULT_SETUP_SECONDS_PER_DISK, srs, SrThroughput.UNMEASURED);
    Topology nominal = new Topology(hosts, STREAM_CAP_BYTES_PER_SECOND, storage, calibration);
    return nominal.withCalibration(
        HistoryFit.fit(
            calibration,
            vmsOf(pools),
            pair -> link(nominal, pair),
            PrecopyModel.xenDefaults(),
            storage));
  }

  /** What the history fit needs of a host pair; empty when a host is not in these pools. */
  private static Optional<HistoryFit.Link> link(Topology topology, HostPair pair) {
    HostLink source = topology.hosts().get(pair.sourceHostUuid());
    HostLink destination = topology.hosts().get(pair.destinationHostUuid());
    if (source == null || destination == null) {
      return Optional.empty();
    }
    double nic = Math.min(source.nicBytesPerSecond(), destination.nicBytesPerSecond());
    return Optional.of(
        new HistoryFit.Link(
            !source.poolUuid().equals(destination.poolUuid()),
            nic,
            Math.min(nic, topology.perStreamCapBytesPerSecond())));
  }

  private static Map<String, Vm> vmsOf(List<PoolInventory> pools) {
    Map<String, Vm> vms = new HashMap<>();
    // A VM that left a pool may leave a halted record behind: the running one counts.
    pools.forEach(
        pool ->
            pool.vms()
                .forEach(
                    (uuid, vm) ->
                        vms.merge(
                            uuid, vm, (a, b) -> b.powerState() == PowerState.RUNNING ? b : a)));
    return vms;
  }

  /** The speed of the host's transfer PIF, its management PIF, or the default. */
  static double nicMbps(PoolInventory pool, String host, Collection<String> transferNetworks) {
    return transferPif(pool, host, transferNetworks).map(Pif::speedMbps).orElse(DEFAULT_NIC_MBPS);
  }

  /** The host's PIF on a transfer network, else its management PIF, among those with a speed. */
  private static Optional<Pif> transferPif(
      PoolInventory pool, String host, Collection<String> transferNetworks) {
    List<Pif> pifs = pool.pifsByHost().get(host);
    return pifs.stream()
        .filter(pif -> transferNetworks.contains(pif.networkUuid()) && pif.speedMbps() > 0)
        .findFirst()
        .or(() -> pifs.stream().filter(p -> p.management() && p.speedMbps() > 0).findFirst());
  }

  /** Observed disk I/O of running guests per SR, each VM's split evenly over its disks. */
  private static Map<String, Double> srLoad(PoolInventory pool, PoolObservations observed) {
    Map<String, Double> load = new HashMap<>();
    for (Vm vm : pool.guests()) {
      double io = observed.diskIo(vm.uuid());
      List<Vdi> disks = pool.disksOf(vm);
      if (io <= 0 || disks.isEmpty()) {
        continue;
      }
      for (Vdi disk : disks) {
        load.merge(disk.srUuid(), io / disks.size(), Double::sum);
      }
    }
    return load;
  }

  private static Optional<SrThroughput> srThroughput(Sr sr) {
    String text = sr.otherConfig().get(SR_THROUGHPUT_KEY);
    if (text == null) {
      return Optional.empty();
    }
    try {
      double mbytes = Double.parseDouble(text.trim());
      // An unreadable or non-positive figure falls back to the default, as the VM hints do.
      return mbytes > 0 && Double.isFinite(mbytes)
          ? Optional.of(new SrThroughput(mbytes * 1e6, mbytes * 1e6))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
