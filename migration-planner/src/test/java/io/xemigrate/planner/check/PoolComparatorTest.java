package io.xemigrate.planner.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.xemigrate.planner.check.PoolComparison.Aspect;
import io.xemigrate.planner.check.PoolComparison.Row;
import io.xemigrate.planner.check.PoolComparison.Status;
import io.xemigrate.planner.fixtures.Scenario;
import org.junit.jupiter.api.Test;

class PoolComparatorTest {

  @Test
  void matchingPoolsHaveNoProblems() {
    Scenario scenario = Scenario.crossPool();
    scenario.dst.sr("dst-local", sr -> sr.type("ext").on("d1"));
    PoolComparison report = PoolComparator.compare(scenario.src.build(), scenario.dst.build());

    assertThat(report.rows())
        .filteredOn(row -> row.aspect() != Aspect.NETWORK)
        .allMatch(row -> row.status() == Status.MATCH);
    assertThat(report.rows())
        .filteredOn(row -> row.status() == Status.MATCH)
        .allSatisfy(row -> assertThat(row.note()).isEmpty());
  }

  @Test
  void srTypesThatCannotSendOrReceiveAreWorse() {
    Scenario scenario = Scenario.crossPool();
    scenario.src.sr("src-raw", sr -> sr.type("iscsi").caps("VDI_CREATE"));
    scenario.dst.sr("dst-raw", sr -> sr.type("iscsi"));
    scenario.src.sr("src-lvm", sr -> sr.type("lvm"));
    scenario.dst.sr("dst-lvm", sr -> sr.type("lvm").caps("VDI_CREATE"));
    scenario.dst.sr("dst-lvm2", sr -> sr.type("lvm").caps("VDI_CREATE"));

    PoolComparison report = PoolComparator.compare(scenario.src.build(), scenario.dst.build());

    assertThat(report.rows())
        .filteredOn(row -> row.aspect() == Aspect.SR_TYPE)
        .extracting(Row::key, Row::status, Row::note)
        .contains(
            tuple(
                "iscsi",
                Status.WORSE,
                "SRs of this type cannot send a live disk copy (SR_DOES_NOT_SUPPORT_MIGRATION)."),
            tuple("lvm", Status.WORSE, "No destination SR of this type can receive a live copy."));
  }

  @Test
  void differencesAreReportedPerFact() {
    Scenario scenario = Scenario.crossPool();
    scenario.src.host("s2").version("xen", "4.19.0");
    scenario.dst.host("d1").cpu("features_hvm", "0000000f-00000000");
    scenario.src.host("s1").cpu("features_hvm", "ffffffff-000000ff");
    scenario.src.host("s2").cpu("features_hvm", "ffffffff-0000ffff");
    scenario.src.network("src-dmz", n -> n.name("DMZ").vlan(20).mtu(9000).pifsOn("s1"));
    scenario.dst.network("dst-lan").vlan(11);
    scenario.src.sr("src-hba", sr -> sr.type("lvmohba"));

    PoolComparison report = PoolComparator.compare(scenario.src.build(), scenario.dst.build());

    assertThat(report.hasProblems()).isTrue();
    assertThat(report.rows())
        .extracting(Row::aspect, Row::key, Row::source, Row::destination, Row::status)
        .contains(
            tuple(Aspect.VERSION, "xen", "4.19.0", "4.17.5-13", Status.WORSE),
            tuple(Aspect.VERSION, "platform_version", "3.4.0", "3.4.0", Status.MATCH),
            tuple(Aspect.CPU, "vendor", "GenuineIntel", "GenuineIntel", Status.MATCH),
            tuple(
                Aspect.CPU, "features_hvm", "ffffffff-000000ff", "0000000f-00000000", Status.WORSE),
            tuple(Aspect.NETWORK, "DMZ", "VLAN 20, MTU 9000", "", Status.MISSING),
            tuple(Aspect.NETWORK, "LAN", "VLAN 10, MTU 1500", "VLAN 11, MTU 1500", Status.WORSE),
            tuple(Aspect.SR_TYPE, "nfs", "1 SR(s)", "1 SR(s)", Status.MATCH),
            tuple(Aspect.SR_TYPE, "lvmohba", "1 SR(s)", "0 SR(s)", Status.MISSING));
    assertThat(report.rows())
        .filteredOn(row -> row.status() != Status.MATCH)
        .allSatisfy(row -> assertThat(row.note()).isNotBlank());
  }

  @Test
  void theLimitsAreExact() {
    Scenario scenario = Scenario.crossPool();
    // Equal versions, with the newest source host and the oldest destination host compared; of two
    // equal ones the first source host and the last destination host are named.
    scenario.src.host("s2").version("xen", "4.17.5-12");
    scenario.dst.host("d2").version("xen", "4.17.5-14");
    scenario.src.host("s2").version("xapi_build", "24.19.2.0");
    scenario.dst.host("d2").version("xapi_build", "24.19.2.0");
    // A host that does not say is left out.
    scenario.src.host("s1").version("platform_version", null);
    // An equal MTU is no worse; a smaller one is.
    scenario.src.network("src-dmz", n -> n.name("DMZ").vlan(20).mtu(9000).pifsOn("s1"));
    scenario.dst.network("dst-dmz", n -> n.name("DMZ").vlan(20).mtu(9000).pifsOn("d1"));
    scenario.src.network("src-san", n -> n.name("SAN").vlan(30).mtu(9000).pifsOn("s1"));
    scenario.dst.network("dst-san", n -> n.name("SAN").vlan(30).mtu(8999).pifsOn("d1"));
    scenario.src.network("src-raw", n -> n.name("RAW").vlan(0).pifsOn("s1"));
    scenario.dst.network("dst-raw", n -> n.name("RAW").vlan(0).pifsOn("d1"));

    PoolComparison report = PoolComparator.compare(scenario.src.build(), scenario.dst.build());

    assertThat(report.rows())
        .extracting(Row::aspect, Row::key, Row::source, Row::destination, Row::status)
        .contains(
            tuple(Aspect.VERSION, "xen", "4.17.5-13", "4.17.5-13", Status.MATCH),
            tuple(Aspect.VERSION, "xapi_build", "24.19.2", "24.19.2.0", Status.MATCH),
            tuple(Aspect.VERSION, "platform_version", "3.4.0", "3.4.0", Status.MATCH),
            tuple(Aspect.NETWORK, "DMZ", "VLAN 20, MTU 9000", "VLAN 20, MTU 9000", Status.MATCH),
            tuple(Aspect.NETWORK, "SAN", "VLAN 30, MTU 9000", "VLAN 30, MTU 8999", Status.WORSE),
            tuple(Aspect.NETWORK, "RAW", "VLAN 0, MTU 1500", "VLAN 0, MTU 1500", Status.MATCH));
  }
}
