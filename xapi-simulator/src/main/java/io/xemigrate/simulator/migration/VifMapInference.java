package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * xapi's {@code infer_vif_map} (docs/xapi-behaviour.md#vif-handling): over the VIFs of the VM and
 * of its snapshots, an explicit entry wins, else the network of a mapped VIF with the same MAC,
 * else {@code VIF_NOT_IN_MAP [vif]}. Entries for other VMs' VIFs are dropped.
 */
final class VifMapInference {
  private VifMapInference() {}

  static ImmutableMap<String, String> infer(
      PoolView view, XapiRecord vm, Map<String, String> vifMap) {
    List<XapiRecord> vifs = new ArrayList<>(view.vifs(vm));
    view.snapshots(vm).forEach(snapshot -> vifs.addAll(view.vifs(snapshot)));
    Map<String, String> networkByMac = new LinkedHashMap<>();
    for (XapiRecord vif : vifs) {
      if (vifMap.containsKey(vif.ref())) {
        networkByMac.putIfAbsent(vif.string("MAC"), vifMap.get(vif.ref()));
      }
    }
    Map<String, String> inferred = new LinkedHashMap<>();
    for (XapiRecord vif : vifs) {
      String network = vifMap.getOrDefault(vif.ref(), networkByMac.get(vif.string("MAC")));
      if (network == null) {
        throw XapiException.of("VIF_NOT_IN_MAP", vif.ref());
      }
      inferred.put(vif.ref(), network);
    }
    return ImmutableMap.copyOf(inferred);
  }
}
