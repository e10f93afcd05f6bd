package io.xemigrate.daemon.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.coordinator.pools.PoolProfileException;
import io.xemigrate.coordinator.run.HostMaintenance;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import java.lang.System.Logger.Level;

/**
 * {@code GET /api/v1/pools}: each pool of the profile file as it is now (an inventory read per
 * request): its hosts with enabled, maintenance mode and memory, VM counts, when it was read. A
 * pool that cannot be reached is listed with its one-line error, not left out.
 */
final class PoolsApi {
  private static final System.Logger LOG = System.getLogger("io.xemigrate.api");

  private final PoolDirectory pools;
  private final PoolConnector connector;

  PoolsApi(PoolDirectory pools, PoolConnector connector) {
    this.pools = pools;
    this.connector = connector;
  }

  Reply list(ApiRequest request) {
    ObjectNode answer = ApiJson.object();
    ArrayNode list = answer.putArray("pools");
    for (PoolProfile profile : pools.profiles()) {
      ObjectNode node = list.addObject().put("name", profile.name());
      try {
        describe(node, connector.loadInventory(profile));
      } catch (PoolProfileException e) {
        LOG.log(Level.ERROR, e.getMessage());
        node.put("error", e.publicMessage());
      } catch (CoordinatorException e) {
        node.put("error", e.getMessage());
      }
    }
    return Reply.ok(answer);
  }

  private static void describe(ObjectNode node, PoolInventory inventory) {
    node.put("uuid", inventory.pool().uuid())
        .put("nameLabel", inventory.pool().nameLabel())
        .put("capturedAt", inventory.capturedAt().toString());
    long running =
        inventory.guests().stream().filter(vm -> vm.powerState() == PowerState.RUNNING).count();
    node.put("vms", inventory.guests().size()).put("runningVms", running);
    ArrayNode hosts = node.putArray("hosts");
    for (Host host : inventory.hosts().values()) {
      hosts
          .addObject()
          .put("uuid", host.uuid())
          .put("name", host.nameLabel())
          .put("enabled", host.enabled())
          .put("live", host.live())
          .put(
              "maintenance",
              "true".equals(host.otherConfig().get(HostMaintenance.MAINTENANCE_MODE)))
          .put("memoryTotal", host.memoryTotal())
          .put("memoryFree", host.memoryFree())
          .put(
              "runningVms",
              inventory.residentOn(host.uuid()).stream()
                  .filter(vm -> vm.powerState() == PowerState.RUNNING)
                  .count());
    }
  }
}
