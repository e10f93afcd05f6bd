package io.xemigrate.plugin.capture;

import com.google.common.collect.ImmutableList;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.XapiException;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.RrdUpdates;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a capture reads from a live pool, through xapi-client only: the inventory, then each host's
 * RRD over the window ({@code /rrd_updates} with {@code host=true}: the host's sources and those of
 * the VMs it runs).
 *
 * @param hostsRead how many hosts' RRDs answered
 */
public record PoolCapture(
    PoolInventory inventory, RrdLoads loads, CaptureWindow window, int hostsRead) {

  /**
   * Reads the pool behind {@code client}. A host whose RRD cannot be read is reported to {@code
   * warnings} and left out: its VMs get the simulator's default workload.
   */
  public static PoolCapture read(
      PoolClient client, CaptureWindow window, Consumer<String> warnings) {
    PoolInventory inventory = client.loadInventory();
    List<RrdUpdates> exports = new ArrayList<>();
    for (Host host : inventory.hosts().values()) {
      try {
        exports.add(client.rrdUpdates(host.uuid(), -window.seconds(), window.intervalSeconds()));
      } catch (XapiException e) {
        warnings.accept(
            "no RRD from host "
                + host.nameLabel()
                + " ("
                + e.getMessage()
                + "); its VMs get the simulator's default workload");
      }
    }
    return new PoolCapture(
        inventory, RrdLoads.of(ImmutableList.copyOf(exports)), window, exports.size());
  }
}
