package io.xemigrate.storage.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.testing.TinyPool;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskMapperTest {
  private final PoolInventory source =
      new TinyPool("src", "s1")
          .sr("nfs", "Shared", "nfs", 900)
          .sr("local", "Local storage", "ext", 900)
          .vm("vm", true, "a@nfs:100", "b@local:50")
          .build();

  private static PoolInventory destination(long sharedFree, long localFree) {
    return new TinyPool("dst", "d1", "d2")
        .sr("d-shared", "Shared", "nfs", sharedFree)
        .sr("d-ext1", "ext one", "ext", localFree, "d1")
        .sr("d-ext2", "ext two", "ext", localFree + 10, "d1")
        .sr("d-lvm", "Other", "lvm", 900)
        .defaultSr("d-lvm")
        .build();
  }

  private DiskMap map(PoolInventory destination, DiskOverrides overrides, SrLedger ledger) {
    return new DiskMapper(source, destination, overrides, 0.05)
        .map(source.vms().get("vm"), "d1", ledger);
  }

  @Test
  void rulesByNameThenTypeThenSnapshotsFollowTheirParent() {
    DiskMap map = map(destination(900, 900), DiskOverrides.none(), new SrLedger());

    assertThat(map.complete()).isTrue();
    assertThat(map.mappings())
        .extracting(DiskMapping::vdiUuid, DiskMapping::destinationSrUuid, DiskMapping::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "d-shared", DiskMappingRule.SAME_NAME),
            org.assertj.core.groups.Tuple.tuple("b", "d-ext2", DiskMappingRule.SAME_TYPE),
            org.assertj.core.groups.Tuple.tuple(
                "a-snap", "d-shared", DiskMappingRule.FOLLOWS_PARENT),
            org.assertj.core.groups.Tuple.tuple(
                "b-snap", "d-ext2", DiskMappingRule.FOLLOWS_PARENT));
    assertThat(map.mappings()).allSatisfy(m -> assertThat(m.reason()).isNotBlank());
  }

  @Test
  void explicitAndPlanDefaultComeFirstAndAreNotSecondGuessed() {
    DiskOverrides overrides = DiskOverrides.of(Map.of("b", "d-lvm"), "d-ext1");

    DiskMap map = map(destination(900, 0), overrides, new SrLedger());

    assertThat(map.mappings().get(0).rule()).isEqualTo(DiskMappingRule.PLAN_DEFAULT);
    assertThat(map.mappings().get(0).destinationSrUuid()).isEqualTo("d-ext1");
    assertThat(map.mappings().get(1).rule()).isEqualTo(DiskMappingRule.EXPLICIT);
    // lvm is thick: the copy takes the virtual size.
    assertThat(map.mappings().get(1).bytesOnDestination()).isEqualTo(50 * TinyPool.GIB);
  }

  @Test
  void aDiskStaysOnAnSrTheDestinationHostSees() {
    PoolInventory samePool = source;
    DiskMap map =
        new DiskMapper(source, samePool, DiskOverrides.none(), 0.05)
            .map(source.vms().get("vm"), "s1", new SrLedger());

    assertThat(map.mappings())
        .allSatisfy(
            m -> {
              assertThat(m.rule())
                  .isIn(DiskMappingRule.SHARED_IN_PLACE, DiskMappingRule.FOLLOWS_PARENT);
              assertThat(m.moves()).isFalse();
            });
    assertThat(map.bytesBySr()).isEmpty();
  }

  @Test
  void theLedgerStopsOverCommitAndSpreadsTheLoad() {
    PoolInventory destination = destination(120, 100);
    SrLedger ledger = new SrLedger();
    ledger.reserve(map(destination, DiskOverrides.none(), ledger));

    DiskMap second = map(destination, DiskOverrides.none(), ledger);

    // "Shared" is now full: the second VM's disk goes by type (nfs: none left) to the pool default.
    assertThat(second.mappings().get(0).rule()).isEqualTo(DiskMappingRule.POOL_DEFAULT);
    // The first "b" went to d-ext2 (more room); the second one goes to d-ext1.
    assertThat(second.mappings().get(1).destinationSrUuid()).isEqualTo("d-ext1");
  }

  @Test
  void nothingFitsLeavesTheDiskUnmappedWithAReason() {
    PoolInventory tiny = new TinyPool("dst", "d1").sr("d-shared", "Shared", "nfs", 10).build();

    DiskMap map = map(tiny, DiskOverrides.none(), new SrLedger());

    assertThat(map.complete()).isFalse();
    assertThat(map.unmapped()).extracting(UnmappedDisk::vdiUuid).contains("a", "b");
    assertThat(map.unmapped().get(0).reason()).contains("no SR the destination host sees");
  }

  @Test
  void capabilitiesFollowXapisRule() {
    PoolInventory pool = new TinyPool("p", "h").sr("x", "x", "nfs", 1).build();
    var sr = pool.srs().get("x");
    var withSuffix =
        io.xemigrate.xapi.model.Sr.builder("y")
            .nameLabel("y")
            .type("nfs")
            .shared(true)
            .physicalSize(1)
            .smCapabilities(
                com.google.common.collect.ImmutableSet.of("VDI_SNAPSHOT", "VDI_MIRROR/2"))
            .build();
    var raw =
        io.xemigrate.xapi.model.Sr.builder("z")
            .nameLabel("z")
            .type("iscsi")
            .shared(true)
            .physicalSize(1)
            .build();

    assertThat(SrCapabilities.missingToSend(sr)).isEmpty();
    assertThat(SrCapabilities.missingToReceive(withSuffix)).isEmpty();
    assertThat(SrCapabilities.missingToSend(raw)).containsExactly("VDI_SNAPSHOT", "VDI_MIRROR");
    assertThat(SrCapabilities.missingToReceive(raw))
        .containsExactly("VDI_SNAPSHOT", "VDI_MIRROR_IN");
  }
}
