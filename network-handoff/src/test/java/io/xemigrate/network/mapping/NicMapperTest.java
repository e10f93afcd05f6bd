package io.xemigrate.network.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.testing.TinyPool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NicMapperTest {
  private final PoolInventory source =
      new TinyPool("src", "s1")
          .managementNetwork()
          .network("lan", "LAN", "xapi1", 1500, 10, false, "", "s1")
          .network("dmz", "DMZ", "xapi2", 9000, 20, false, "", "s1")
          .network("back", "Backup", "xapi9", 1500, -1, false, "", "s1")
          .network("old", "Old", "xapi7", 1500, 77, false, "", "s1")
          .vm(
              "vm",
              List.of("v1@lan=aa:01", "v2@dmz=aa:02", "v3@back=aa:03"),
              List.of("sv1@lan=AA:01", "sv9@old=aa:09"))
          .build();

  private final PoolInventory destination =
      new TinyPool("dst", "d1")
          .managementNetwork()
          .network("d-lan", "LAN", "xenbr5", 1500, 10, false, "", "d1")
          .network("d-dmz-small", "DMZ new", "xenbr6", 1500, 20, false, "", "d1")
          .network("d-dmz", "DMZ jumbo", "xenbr7", 9000, 20, false, "", "d1")
          .network("d-back", "Backups", "xapi9", 1500, -1, false, "", "d1")
          .build();

  @Test
  void nameThenVlanWithMtuThenBridgeAndSnapshotsFollowTheirMac() {
    NicMap map =
        new NicMapper(source, destination, NicOverrides.none()).map(source.vms().get("vm"));

    assertThat(map.mappings())
        .extracting(NicMapping::vifUuid, NicMapping::destinationNetworkUuid, NicMapping::rule)
        .containsExactly(
            tuple("v1", "d-lan", NicMappingRule.SAME_NAME),
            tuple("v2", "d-dmz", NicMappingRule.SAME_VLAN),
            tuple("v3", "d-back", NicMappingRule.SAME_BRIDGE),
            tuple("sv1", "d-lan", NicMappingRule.FOLLOWS_MAC));
    // A snapshot-only VIF with no match is a blocker, never sent to management.
    assertThat(map.unmapped())
        .singleElement()
        .satisfies(
            nic -> {
              assertThat(nic.vifUuid()).isEqualTo("sv9");
              assertThat(nic.snapshot()).isTrue();
            });
  }

  @Test
  void explicitEntriesByUuidOrMacWin() {
    NicOverrides overrides = NicOverrides.of(Map.of("v1", "d-back", "AA:09", "d-lan"));

    NicMap map = new NicMapper(source, destination, overrides).map(source.vms().get("vm"));

    assertThat(map.complete()).isTrue();
    assertThat(map.mappings().get(0).rule()).isEqualTo(NicMappingRule.EXPLICIT);
    assertThat(map.mappings().get(0).destinationNetworkUuid()).isEqualTo("d-back");
    assertThat(map.mappings())
        .filteredOn(nic -> nic.vifUuid().equals("sv9"))
        .extracting(NicMapping::rule)
        .containsExactly(NicMappingRule.EXPLICIT);
  }

  @Test
  void insideAPoolEveryVifKeepsItsNetwork() {
    NicMap map = new NicMapper(source, source, NicOverrides.none()).map(source.vms().get("vm"));

    assertThat(map.mappings())
        .allSatisfy(
            nic -> {
              assertThat(nic.rule()).isEqualTo(NicMappingRule.SAME_NETWORK);
              assertThat(nic.destinationNetworkUuid()).isEqualTo(nic.sourceNetworkUuid());
            });
  }

  @Test
  void transferNetworkPrefersADedicatedNetworkAndFallsBackToManagement() {
    PoolInventory pool =
        new TinyPool("p", "h1", "h2")
            .managementNetwork()
            .network("lan", "LAN", "b1", 1500, -1, false, "10.1.0.1", "h1", "h2")
            .network("mig", "Migration", "b2", 9000, -1, false, "10.2.0.1", "h1", "h2")
            .network("half", "Storage", "b3", 9000, -1, false, "10.3.0.1", "h1")
            .network("noip", "Backup", "b4", 1500, -1, false, "", "h1", "h2")
            .build();

    TransferNetworkChoice choice = TransferNetworkChooser.choose(pool, List.of("h1", "h2"), "");
    assertThat(choice.networkUuid()).isEqualTo("mig");
    assertThat(choice.rule()).isEqualTo(TransferNetworkRule.DEDICATED);

    PoolInventory bare = new TinyPool("q", "h1").managementNetwork().build();
    TransferNetworkChoice fallback = TransferNetworkChooser.choose(bare, List.of("h1"), "");
    assertThat(fallback.rule()).isEqualTo(TransferNetworkRule.MANAGEMENT);
    assertThat(fallback.networkUuid()).isEqualTo("q-mgmt");

    assertThat(TransferNetworkChooser.problem(pool, "h2", "half"))
        .hasValueSatisfying(
            p -> {
              assertThat(p.code()).isEqualTo("HOST_CANNOT_ATTACH_NETWORK");
              assertThat(p.params()).containsExactly("h2", "half");
            });
    assertThat(TransferNetworkChooser.problem(pool, "h1", "noip"))
        .hasValueSatisfying(
            p -> assertThat(p.code()).isEqualTo("PIF_HAS_NO_NETWORK_CONFIGURATION"));
  }
}
