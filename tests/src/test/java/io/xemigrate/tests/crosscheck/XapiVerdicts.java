package io.xemigrate.tests.crosscheck;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.network.mapping.NicMapping;
import io.xemigrate.planner.Codes;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.storage.mapping.DiskMapping;
import io.xemigrate.xapi.CancellationSignal;
import io.xemigrate.xapi.MigrateReceiveToken;
import io.xemigrate.xapi.MigrationSpec;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.TaskHandle;
import io.xemigrate.xapi.XapiException;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Task;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Asks the simulator, through xapi-client, what xapi would answer to a planned move: the code and
 * the parameters of the refusal, references turned into UUIDs. An empty list means no refusal.
 */
final class XapiVerdicts {
  /** event.from waits before a move that was not refused is cancelled (the row then fails). */
  private static final int WAITS_BEFORE_CANCELLING = 20;

  private final CrossCheckWorld world;

  XapiVerdicts(CrossCheckWorld world) {
    this.world = world;
  }

  List<String> refusal(
      CrossCheckRow row, MovePlan move, Vm vm, String hostUuid, PoolInventory destination) {
    PoolClient receiver =
        switch (row.family()) {
          case CROSS_POOL -> world.destination;
          case INTRA_POOL -> world.source;
        };
    String network =
        move.transferNetworkUuid() == null || move.transferNetworkUuid().isEmpty()
            ? destination.managementNetwork().orElseThrow().uuid()
            : move.transferNetworkUuid();
    try {
      switch (row.call()) {
        case MIGRATE_RECEIVE -> receiver.migrateReceive(hostUuid, network).close();
        case ASSERT_CAN_MIGRATE -> {
          try (MigrateReceiveToken token = receiver.migrateReceive(hostUuid, network)) {
            world.source.assertCanMigrate(spec(row, move, vm, destination), token);
          }
        }
        case MIGRATE_SEND -> {
          try (MigrateReceiveToken token = receiver.migrateReceive(hostUuid, network)) {
            return taskFailure(world.source.migrateSend(spec(row, move, vm, destination), token));
          }
        }
        case POOL_MIGRATE -> {
          return taskFailure(world.source.poolMigrate(vm.uuid(), hostUuid, Map.of("live", "true")));
        }
      }
      return List.of();
    } catch (XapiException refused) {
      List<String> answer = new ArrayList<>();
      answer.add(refused.code());
      refused.parameters().forEach(parameter -> answer.add(world.normalise(parameter)));
      return answer;
    }
  }

  private List<String> taskFailure(TaskHandle handle) {
    AtomicInteger waits = new AtomicInteger();
    CancellationSignal giveUp = () -> waits.incrementAndGet() > WAITS_BEFORE_CANCELLING;
    Task task = world.source.awaitTask(handle, progress -> {}, giveUp, Duration.ofMillis(200));
    return switch (task.status()) {
      case FAILURE -> {
        List<String> answer = new ArrayList<>();
        answer.add(task.errorInfo().get(0));
        task.errorInfo().stream().skip(1).forEach(p -> answer.add(world.normalise(p)));
        yield answer;
      }
      case SUCCESS, CANCELLED, PENDING, CANCELLING -> List.of();
    };
  }

  /**
   * The maps a caller following the plan sends: the plan's disk and NIC maps. A plan stopped by a
   * blocker before placement maps nothing, and xapi would then answer VDI_NOT_IN_MAP before the
   * check under test; such disks get the administrator's override for them, else the destination's
   * default SR (across pools) or their own SR (inside a pool). A disk the planner itself reports as
   * VDI_NOT_IN_MAP stays out: the plan has nothing to send for it.
   */
  private MigrationSpec spec(CrossCheckRow row, MovePlan move, Vm vm, PoolInventory destination) {
    Map<String, String> vdiMap = new LinkedHashMap<>();
    for (DiskMapping disk : move.disks()) {
      if (disk.destinationSrUuid() != null && !disk.destinationSrUuid().isEmpty()) {
        vdiMap.put(disk.vdiUuid(), disk.destinationSrUuid());
      }
    }
    Set<String> unmappable =
        move.findings().stream()
            .filter(finding -> finding.code().equals(Codes.VDI_NOT_IN_MAP))
            .map(finding -> finding.params().get(0))
            .collect(Collectors.toSet());
    Map<String, String> overrides = row.overrides().of(vm, world.sourceInventory).srByVdi();
    for (Vdi vdi : world.sourceInventory.disksOf(vm)) {
      if (vdiMap.containsKey(vdi.uuid()) || unmappable.contains(vdi.uuid())) {
        continue;
      }
      String sr =
          overrides.containsKey(vdi.uuid())
              ? srUuid(destination, overrides.get(vdi.uuid()))
              : switch (row.family()) {
                case CROSS_POOL -> destination.pool().defaultSrUuid();
                case INTRA_POOL -> vdi.srUuid();
              };
      vdiMap.put(vdi.uuid(), sr);
    }
    ImmutableMap.Builder<String, String> vifMap = ImmutableMap.builder();
    switch (row.family()) {
      case CROSS_POOL -> {
        for (NicMapping nic : move.nics()) {
          if (nic.destinationNetworkUuid() != null && !nic.destinationNetworkUuid().isEmpty()) {
            vifMap.put(nic.vifUuid(), nic.destinationNetworkUuid());
          }
        }
      }
      case INTRA_POOL -> {
        // xapi refuses any VIF map inside a pool (OPERATION_NOT_ALLOWED).
      }
    }
    return new MigrationSpec(
        vm.uuid(), true, ImmutableMap.copyOf(vdiMap), vifMap.buildKeepingLast(), ImmutableMap.of());
  }

  private static String srUuid(PoolInventory pool, String name) {
    return pool.srs().values().stream()
        .filter(sr -> sr.nameLabel().equals(name) || sr.uuid().equals(name))
        .findFirst()
        .orElseThrow()
        .uuid();
  }
}
