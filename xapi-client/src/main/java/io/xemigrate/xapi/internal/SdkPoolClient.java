package io.xemigrate.xapi.internal;

import com.xensource.xenapi.Event;
import com.xensource.xenapi.Host;
import com.xensource.xenapi.Network;
import com.xensource.xenapi.Pool;
import com.xensource.xenapi.SR;
import com.xensource.xenapi.Types;
import com.xensource.xenapi.VDI;
import com.xensource.xenapi.VIF;
import com.xensource.xenapi.VM;
import io.xemigrate.xapi.CancellationSignal;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.InventoryTracker;
import io.xemigrate.xapi.MigrateReceiveToken;
import io.xemigrate.xapi.MigrationSpec;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.Secret;
import io.xemigrate.xapi.TaskChanges;
import io.xemigrate.xapi.TaskHandle;
import io.xemigrate.xapi.TaskProgressListener;
import io.xemigrate.xapi.VmPlacement;
import io.xemigrate.xapi.XapiErrors;
import io.xemigrate.xapi.XapiException;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.RrdUpdates;
import io.xemigrate.xapi.model.Task;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PoolClient} on the official SDK's typed API, over our transport. Resolves UUIDs to
 * references at call time ({@code get_by_uuid}), so no reference outlives the call that used it.
 */
public final class SdkPoolClient implements PoolClient {
  private final ClientSettings settings;
  private final SessionCaller session;
  private final SdkConnection connection;
  private final TaskFollower tasks;
  private volatile Loaded lastLoaded;
  private final Map<Endpoint, RrdChannel> rrdChannels = new ConcurrentHashMap<>();

  private record Loaded(PoolInventory inventory, PoolRecords records) {}

  private SdkPoolClient(ClientSettings settings) {
    this.settings = settings;
    this.session = new SessionCaller(settings);
    this.connection = new SdkConnection(session);
    this.tasks = new TaskFollower(connection, session, settings.listener());
  }

  public static PoolClient open(ClientSettings settings) {
    return new SdkPoolClient(settings);
  }

  @Override
  public String masterAddress() {
    return session.address();
  }

  @Override
  public PoolInventory loadInventory() {
    // The token first: whatever changes during the fifteen reads is replayed by the tracker.
    String token =
        SdkCall.run("event.from", () -> Event.from(connection, Set.of("pool"), "", 0.0).token);
    PoolRecords records = SdkCall.run("get_all_records", () -> PoolRecords.load(connection));
    PoolInventory inventory =
        InventoryAssembler.assemble(records, token, settings.clock().instant());
    session.learnMembers(
        inventory.hosts().values().stream()
            .map(io.xemigrate.xapi.model.Host::address)
            .filter(address -> !address.isEmpty())
            .toList());
    lastLoaded = new Loaded(inventory, records);
    return inventory;
  }

  @Override
  public InventoryTracker track(PoolInventory start) {
    Loaded loaded = lastLoaded;
    if (loaded == null || !loaded.inventory().equals(start)) {
      throw new IllegalArgumentException("track the inventory this client loaded last");
    }
    lastLoaded = null; // the tracker now owns the records
    return new EventInventoryTracker(connection, loaded.records(), start, settings.clock());
  }

  @Override
  public Optional<VmPlacement> placement(String vmUuid) {
    try {
      VM.Record record = SdkCall.run("VM.get_record", () -> vm(vmUuid).getRecord(connection));
      String host = Fields.ref(record.residentOn);
      String hostUuid =
          host.isEmpty()
              ? ""
              : SdkCall.run("host.get_uuid", () -> Types.toHost(host).getUuid(connection));
      PowerState state =
          record.powerState == null || record.powerState == Types.VmPowerState.UNRECOGNIZED
              ? PowerState.HALTED
              : PowerState.valueOf(record.powerState.name());
      return Optional.of(new VmPlacement(vmUuid, state, hostUuid));
    } catch (XapiException e) {
      if (e.is("UUID_INVALID") || e.is("HANDLE_INVALID")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public MigrateReceiveToken migrateReceive(String hostUuid, String networkUuid) {
    Network network =
        SdkCall.run("network.get_by_uuid", () -> Network.getByUuid(connection, networkUuid));
    Map<String, String> destination =
        SdkCall.run(
            "host.migrate_receive",
            () -> host(hostUuid).migrateReceive(connection, network, Map.of()));
    Secret destinationSession = Secret.of(destination.getOrDefault("session_id", ""));
    Map<String, String> srRefs = new HashMap<>();
    Map<String, String> networkRefs = new HashMap<>();
    try {
      SdkCall.run("SR.get_all_records", () -> SR.getAllRecords(connection))
          .forEach((sr, record) -> srRefs.put(record.uuid, sr.toWireString()));
      SdkCall.run("network.get_all_records", () -> Network.getAllRecords(connection))
          .forEach((net, record) -> networkRefs.put(record.uuid, net.toWireString()));
    } catch (XapiException e) {
      // The token never reaches the caller: its session must not outlive this call.
      if (!destinationSession.isEmpty()) {
        session.logoutOther(destinationSession);
      }
      throw e;
    }
    return new MigrateReceiveToken(
        hostUuid,
        destination,
        srRefs,
        networkRefs,
        () -> {
          if (!destinationSession.isEmpty()) {
            session.logoutOther(destinationSession);
          }
        });
  }

  @Override
  public void assertCanMigrate(MigrationSpec spec, MigrateReceiveToken destination) {
    VM vm = vm(spec.vmUuid());
    Map<VDI, SR> vdiMap = vdiMap(spec, destination);
    Map<VIF, Network> vifMap = vifMap(spec, destination);
    SdkCall.act(
        "VM.assert_can_migrate",
        () ->
            vm.assertCanMigrate(
                connection,
                destination.revealDestination(),
                spec.live(),
                vdiMap,
                vifMap,
                spec.options()));
  }

  @Override
  public TaskHandle migrateSend(MigrationSpec spec, MigrateReceiveToken destination) {
    VM vm = vm(spec.vmUuid());
    Map<VDI, SR> vdiMap = vdiMap(spec, destination);
    Map<VIF, Network> vifMap = vifMap(spec, destination);
    return started(
        "Async.VM.migrate_send",
        () ->
            vm.migrateSendAsync(
                connection,
                destination.revealDestination(),
                spec.live(),
                vdiMap,
                vifMap,
                spec.options()));
  }

  private Map<VDI, SR> vdiMap(MigrationSpec spec, MigrateReceiveToken destination) {
    Map<VDI, SR> map = new HashMap<>();
    spec.vdiMap()
        .forEach(
            (vdiUuid, srUuid) ->
                map.put(
                    SdkCall.run("VDI.get_by_uuid", () -> VDI.getByUuid(connection, vdiUuid)),
                    Types.toSR(
                        destination
                            .destinationSrRef(srUuid)
                            .orElseThrow(() -> unknown("SR", srUuid)))));
    return map;
  }

  private Map<VIF, Network> vifMap(MigrationSpec spec, MigrateReceiveToken destination) {
    Map<VIF, Network> map = new HashMap<>();
    spec.vifMap()
        .forEach(
            (vifUuid, networkUuid) ->
                map.put(
                    SdkCall.run("VIF.get_by_uuid", () -> VIF.getByUuid(connection, vifUuid)),
                    Types.toNetwork(
                        destination
                            .destinationNetworkRef(networkUuid)
                            .orElseThrow(() -> unknown("network", networkUuid)))));
    return map;
  }

  private static XapiException unknown(String type, String uuid) {
    return XapiErrors.client(
        "resolve",
        XapiErrors.UUID_UNKNOWN,
        "no " + type + " " + uuid + " in the destination",
        null);
  }

  @Override
  public TaskHandle poolMigrate(String vmUuid, String hostUuid, Map<String, String> options) {
    VM vm = vm(vmUuid);
    Host host = host(hostUuid);
    return started(
        "Async.VM.pool_migrate", () -> vm.poolMigrateAsync(connection, host, Map.copyOf(options)));
  }

  @Override
  public TaskHandle vdiPoolMigrate(String vdiUuid, String srUuid, Map<String, String> options) {
    VDI vdi = SdkCall.run("VDI.get_by_uuid", () -> VDI.getByUuid(connection, vdiUuid));
    SR sr = SdkCall.run("SR.get_by_uuid", () -> SR.getByUuid(connection, srUuid));
    return started(
        "Async.VDI.pool_migrate", () -> vdi.poolMigrateAsync(connection, sr, Map.copyOf(options)));
  }

  @Override
  public Task awaitTask(
      TaskHandle task, TaskProgressListener progress, CancellationSignal cancel, Duration wait) {
    return tasks.await(task, progress, cancel, wait, this::cancelTask);
  }

  @Override
  public TaskChanges taskChanges(String token, Duration wait) {
    return tasks.changes(token, wait);
  }

  @Override
  public boolean cancelTask(TaskHandle task) {
    com.xensource.xenapi.Task handle = Types.toTask(task.ref());
    Set<Types.TaskAllowedOperations> allowed =
        SdkCall.run("task.get_allowed_operations", () -> handle.getAllowedOperations(connection));
    if (!allowed.contains(Types.TaskAllowedOperations.CANCEL)) {
      return false; // past its point of no return: report, wait for the outcome, never retry
    }
    SdkCall.act("task.cancel", () -> handle.cancel(connection));
    return true;
  }

  @Override
  public void disableHost(String hostUuid) {
    Host host = host(hostUuid);
    if (!disableTakesAutoEnable(host)) {
      SdkCall.act("host.disable", () -> host.disable(connection));
      return;
    }
    // auto_enable=false: a toolstack restart must not re-enable a host being drained.
    try {
      session.call(
          "host.disable",
          new Object[] {session.sessionReference(), host.toWireString(), false},
          Duration.ZERO);
    } catch (TransportFailure failure) {
      throw XapiErrors.client("host.disable", XapiErrors.TRANSPORT, failure.getMessage(), failure);
    }
  }

  /** Whether the master and the host both know {@code auto_enable} (SDK 8.1.0 does not). */
  private boolean disableTakesAutoEnable(Host host) {
    Host master =
        SdkCall.run(
            "pool.get_master",
            () -> Pool.getAll(connection).iterator().next().getMaster(connection));
    return XapiVersions.disableTakesAutoEnable(
        List.of(
            SdkCall.run("host.get_software_version", () -> master.getSoftwareVersion(connection)),
            SdkCall.run("host.get_software_version", () -> host.getSoftwareVersion(connection))));
  }

  @Override
  public void enableHost(String hostUuid) {
    Host host = host(hostUuid);
    SdkCall.act("host.enable", () -> host.enable(connection));
  }

  @Override
  public TaskHandle evacuateHost(String hostUuid) {
    Host host = host(hostUuid);
    return started("Async.host.evacuate", () -> host.evacuateAsync(connection));
  }

  @Override
  public void plugVif(String vifUuid) {
    VIF vif = SdkCall.run("VIF.get_by_uuid", () -> VIF.getByUuid(connection, vifUuid));
    SdkCall.act("VIF.plug", () -> vif.plug(connection));
  }

  @Override
  public TaskHandle startVm(String vmUuid, String hostUuid) {
    VM vm = vm(vmUuid);
    Host host = host(hostUuid);
    return started("Async.VM.start_on", () -> vm.startOnAsync(connection, host, false, false));
  }

  @Override
  public TaskHandle shutdownVm(String vmUuid, boolean clean) {
    VM vm = vm(vmUuid);
    return clean
        ? started("Async.VM.clean_shutdown", () -> vm.cleanShutdownAsync(connection))
        : started("Async.VM.hard_shutdown", () -> vm.hardShutdownAsync(connection));
  }

  @Override
  public void destroyVm(String vmUuid) {
    VM vm = vm(vmUuid);
    SdkCall.act("VM.destroy", () -> vm.destroy(connection));
  }

  @Override
  public void destroyVdi(String vdiUuid) {
    VDI vdi = SdkCall.run("VDI.get_by_uuid", () -> VDI.getByUuid(connection, vdiUuid));
    SdkCall.act("VDI.destroy", () -> vdi.destroy(connection));
  }

  @Override
  public void setHostOtherConfig(String hostUuid, String key, String value) {
    Host host = host(hostUuid);
    // add_to_other_config refuses a present key (MAP_DUPLICATE_KEY): remove first.
    SdkCall.act("host.remove_from_other_config", () -> host.removeFromOtherConfig(connection, key));
    SdkCall.act("host.add_to_other_config", () -> host.addToOtherConfig(connection, key, value));
  }

  @Override
  public void removeHostOtherConfig(String hostUuid, String key) {
    Host host = host(hostUuid);
    SdkCall.act("host.remove_from_other_config", () -> host.removeFromOtherConfig(connection, key));
  }

  private TaskHandle started(String operation, SdkCall<com.xensource.xenapi.Task> call) {
    return new TaskHandle(SdkCall.run(operation, call).toWireString(), operation);
  }

  private VM vm(String uuid) {
    return SdkCall.run("VM.get_by_uuid", () -> VM.getByUuid(connection, uuid));
  }

  @Override
  public RrdUpdates rrdUpdates(String hostUuid, long startSeconds, long intervalSeconds) {
    Host host = host(hostUuid);
    String address = SdkCall.run("host.get_address", () -> host.getAddress(connection));
    Endpoint target = Endpoint.parse(session.address()).redirectTo(address);
    RrdChannel channel =
        rrdChannels.computeIfAbsent(
            target,
            e ->
                new RrdChannel(
                    e,
                    settings.trust(),
                    session.poolCertificates(),
                    settings.listener(),
                    settings.connectTimeout(),
                    settings.callTimeout()));
    return channel.fetch(hostUuid, session.sessionReference(), startSeconds, intervalSeconds);
  }

  private Host host(String uuid) {
    return SdkCall.run("host.get_by_uuid", () -> Host.getByUuid(connection, uuid));
  }

  @Override
  public void close() {
    session.close();
  }

  @Override
  public String toString() {
    return "PoolClient[" + session.address() + "]";
  }
}
