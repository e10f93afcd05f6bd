package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.rpc.ConnectionResets;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.List;
import java.util.UUID;

/** Carries out an injected fault: arms it, opens a window, or changes the world at once. */
final class FaultActions {
  private final MigrationService service;

  FaultActions(MigrationService service) {
    this.service = service;
  }

  void apply(Fault fault) {
    long now = service.clock().nanos();
    long until = now + (long) (fault.seconds() * 1e9);
    switch (fault.kind()) {
      case FAIL_DISK_COPY,
          MIRROR_FAILED,
          FAIL_METADATA_IMPORT,
          FAIL_MEMORY_PRECOPY,
          FAIL_AFTER_SUSPEND,
          FAIL_FINAL_HANDSHAKE,
          FAIL_CLEANUP ->
          service.faults().arm(fault);
      case REFUSE_CONNECTIONS -> service.faults().refuse(fault.target(), now, until);
      case RESET_RPC_CONNECTIONS -> resetConnections(fault);
      case SLOW_NIC -> slowNic(fault);
      case MASTER_FAILOVER -> failOver(fault.target());
      case TOOLSTACK_RESTART -> restartToolstack(poolNamed(fault.target()));
      case TAKE_DESTINATION_MEMORY -> takeMemory(fault.target(), fault.bytes());
      case EXPIRE_SESSIONS -> poolNamed(fault.target()).sessions().destroyAll();
    }
  }

  private void resetConnections(Fault fault) {
    PoolRuntime pool = poolOfHost(fault.target());
    String hostRef = pool.store().findByUuid(XapiClass.HOST, fault.target()).orElseThrow().ref();
    pool.connectionResets()
        .arm(
            hostRef,
            fault.method(),
            fault.count(),
            fault.afterDispatch()
                ? ConnectionResets.ResetPoint.AFTER_DISPATCH
                : ConnectionResets.ResetPoint.BEFORE_DISPATCH);
  }

  private void slowNic(Fault fault) {
    PoolRuntime pool = poolOfHost(fault.target());
    PoolView view = new PoolView(pool.store());
    String hostRef = pool.store().findByUuid(XapiClass.HOST, fault.target()).orElseThrow().ref();
    PhysicsParameters physics = service.physics();
    List<XapiRecord> pifs =
        view.store().where(XapiClass.PIF, pif -> pif.string("host").equals(hostRef));
    for (XapiRecord pif : pifs) {
      double base = physics.pifBytesPerSecond(pif);
      service.driver().scaleCapacity(PhysicsParameters.pifOut(pif), fault.factor(), base);
      service.driver().scaleCapacity(PhysicsParameters.pifIn(pif), fault.factor(), base);
    }
    if (fault.seconds() > 0) {
      Thread restore =
          new Thread(
              () -> {
                service.sleep((long) (fault.seconds() * 1e9), () -> false);
                for (XapiRecord pif : pifs) {
                  double base = physics.pifBytesPerSecond(pif);
                  service.driver().scaleCapacity(PhysicsParameters.pifOut(pif), 1.0, base);
                  service.driver().scaleCapacity(PhysicsParameters.pifIn(pif), 1.0, base);
                }
              },
              "simulator-slow-nic-restore");
      restore.setDaemon(true);
      restore.start();
    }
  }

  /** A new master: the old one answers HOST_IS_SLAVE; sessions and tasks do not survive. */
  private void failOver(String newMasterUuid) {
    PoolRuntime pool = poolOfHost(newMasterUuid);
    XapiRecord host = pool.store().findByUuid(XapiClass.HOST, newMasterUuid).orElseThrow();
    pool.store().set(XapiClass.POOL, pool.pool().ref(), "master", host.ref());
    restartToolstack(pool);
  }

  private static void restartToolstack(PoolRuntime pool) {
    pool.sessions().destroyAll();
    ObjectStore store = pool.store();
    for (XapiRecord task : store.all(XapiClass.TASK)) {
      store.destroy(XapiClass.TASK, task.ref());
    }
  }

  /** Another VM, running on the host, takes {@code bytes} of its memory. */
  private void takeMemory(String hostUuid, long bytes) {
    PoolRuntime pool = poolOfHost(hostUuid);
    XapiRecord host = pool.store().findByUuid(XapiClass.HOST, hostUuid).orElseThrow();
    pool.store()
        .create(
            XapiClass.VM,
            ImmutableMap.<String, Object>builder()
                .put("uuid", UUID.randomUUID().toString())
                .put("name_label", "memory taken by a fault")
                .put("power_state", "Running")
                .put("resident_on", host.ref())
                .put("memory_static_max", bytes)
                .put("memory_dynamic_max", bytes)
                .put("memory_dynamic_min", bytes)
                .put("memory_static_min", bytes)
                .put("memory_target", bytes)
                .buildOrThrow());
  }

  private PoolRuntime poolOfHost(String hostUuid) {
    return service
        .directory()
        .byHostUuid(hostUuid)
        .orElseThrow(() -> XapiException.of("UUID_INVALID", "host", hostUuid));
  }

  private PoolRuntime poolNamed(String name) {
    return service.directory().pools().stream()
        .filter(pool -> pool.name().equals(name))
        .findFirst()
        .orElseThrow(() -> XapiException.of("UUID_INVALID", "pool", name));
  }
}
