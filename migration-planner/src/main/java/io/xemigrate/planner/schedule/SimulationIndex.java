package io.xemigrate.planner.schedule;

import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.storage.estimate.DiskCopy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Integer indices for the hosts, pools, SRs and link resources of one batch, so the simulation
 * works on arrays. Resources: each host's NIC sending (2h) and receiving (2h+1), then each SR's
 * read (2H+2s) and write (2H+2s+1) throughput.
 */
final class SimulationIndex {
  private final Map<String, Integer> hosts = new TreeMap<>();
  private final Map<String, Integer> pools = new TreeMap<>();
  private final Map<String, Integer> srs = new TreeMap<>();
  private final int[] source;
  private final int[] destination;
  private final int[] pool;
  private final int[][] moveSrs;
  private final double[] streamCap;
  private final int[][] memoryResources;
  private final int[][][] diskResources;
  private final boolean[] migrateSend;
  private final int[] unshared;
  private final int[] toFill;
  private final double[] capacities;

  SimulationIndex(List<MoveDemand> moves, Topology topology) {
    TreeSet<String> hostNames = new TreeSet<>();
    TreeSet<String> srNames = new TreeSet<>();
    for (MoveDemand move : moves) {
      hostNames.add(move.sourceHostUuid());
      hostNames.add(move.destinationHostUuid());
      for (DiskCopy disk : move.disks()) {
        srNames.add(disk.sourceSrUuid());
        srNames.add(disk.destinationSrUuid());
      }
    }
    for (String host : hostNames) {
      hosts.put(host, hosts.size());
      pools.putIfAbsent(topology.host(host).poolUuid(), pools.size());
    }
    for (String sr : srNames) {
      srs.put(sr, srs.size());
    }
    int count = moves.size();
    source = new int[count];
    destination = new int[count];
    pool = new int[count];
    moveSrs = new int[count][];
    streamCap = new double[count];
    migrateSend = new boolean[count];
    for (int i = 0; i < count; i++) {
      MoveDemand move = moves.get(i);
      source[i] = hosts.get(move.sourceHostUuid());
      destination[i] = hosts.get(move.destinationHostUuid());
      pool[i] = pools.get(topology.host(move.sourceHostUuid()).poolUuid());
      TreeSet<Integer> used = new TreeSet<>();
      for (DiskCopy disk : move.disks()) {
        used.add(srs.get(disk.sourceSrUuid()));
        used.add(srs.get(disk.destinationSrUuid()));
      }
      moveSrs[i] = used.stream().mapToInt(Integer::intValue).toArray();
      streamCap[i] = topology.streamCap(move);
      migrateSend[i] = ConcurrencyLimits.isMigrateSend(move);
    }
    memoryResources = new int[count][];
    diskResources = new int[count][][];
    for (int i = 0; i < count; i++) {
      memoryResources[i] = new int[] {leavingNic(i), enteringNic(i)};
      List<DiskCopy> disks = moves.get(i).disks();
      diskResources[i] = new int[disks.size()][];
      for (int d = 0; d < disks.size(); d++) {
        diskResources[i][d] =
            new int[] {
              leavingNic(i),
              enteringNic(i),
              srRead(disks.get(d).sourceSrUuid()),
              srWrite(disks.get(d).destinationSrUuid())
            };
      }
    }
    unshared = new int[hosts.size()];
    toFill = new int[hosts.size()];
    capacities = new double[2 * hosts.size() + 2 * srs.size()];
    for (Map.Entry<String, Integer> host : hosts.entrySet()) {
      int h = host.getValue();
      double nic = topology.host(host.getKey()).nicBytesPerSecond();
      capacities[2 * h] = nic;
      capacities[2 * h + 1] = nic;
      unshared[h] = topology.unsharedStreams(host.getKey());
      toFill[h] = topology.streamsToFill(host.getKey());
    }
    for (Map.Entry<String, Integer> sr : srs.entrySet()) {
      int base = 2 * hosts.size() + 2 * sr.getValue();
      capacities[base] = topology.storage().throughputOf(sr.getKey()).readBytesPerSecond();
      capacities[base + 1] = topology.storage().throughputOf(sr.getKey()).writeBytesPerSecond();
    }
  }

  int hostCount() {
    return hosts.size();
  }

  int poolCount() {
    return pools.size();
  }

  int srCount() {
    return srs.size();
  }

  int source(int move) {
    return source[move];
  }

  int destination(int move) {
    return destination[move];
  }

  int pool(int move) {
    return pool[move];
  }

  int[] srs(int move) {
    return moveSrs[move];
  }

  double streamCap(int move) {
    return streamCap[move];
  }

  boolean migrateSend(int move) {
    return migrateSend[move];
  }

  int unsharedStreams(int host) {
    return unshared[host];
  }

  int streamsToFill(int host) {
    return toFill[host];
  }

  int leavingNic(int move) {
    return 2 * source[move];
  }

  int enteringNic(int move) {
    return 2 * destination[move] + 1;
  }

  /** The resources a memory round of move {@code move} crosses: both NICs. */
  int[] memoryResources(int move) {
    return memoryResources[move];
  }

  /** The resources disk {@code disk} of move {@code move} crosses: both NICs and both SRs. */
  int[] diskResources(int move, int disk) {
    return diskResources[move][disk];
  }

  private int srRead(String srUuid) {
    return 2 * hosts.size() + 2 * srs.get(srUuid);
  }

  private int srWrite(String srUuid) {
    return srRead(srUuid) + 1;
  }

  double[] capacities() {
    return capacities;
  }

  /** Whether the end of move {@code other} can be what move {@code move} waited for. */
  boolean related(int move, int other, ConcurrencyLimits limits) {
    if (limits.total() > 0) {
      return true;
    }
    if (source[move] == source[other] || destination[move] == destination[other]) {
      return true;
    }
    if (limits.perSourcePool() > 0 && pool[move] == pool[other]) {
      return true;
    }
    for (int sr : moveSrs[move]) {
      for (int otherSr : moveSrs[other]) {
        if (sr == otherSr) {
          return true;
        }
      }
    }
    return false;
  }
}
