package io.xemigrate.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.xemigrate.plugin.capture.CaptureWindow;
import io.xemigrate.plugin.capture.RrdLoads;
import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.Secret;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Pif;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.RrdUpdates;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim-capture} of pool-a of the two-pools scenario, then the capture served by a second
 * simulator: the same objects under the same UUIDs, the figures a plan reads, and RRD means close
 * to what the pool showed over the captured window. No credential of the pool is in the file.
 */
class SimCaptureCommandTest {
  private static final long WINDOW = 600;

  @TempDir static Path dir;
  private static Simulator original;
  private static Simulator copy;
  private static Path captured;
  private static String out;
  private static int exit;

  @BeforeAll
  static void captureAndServe() throws IOException {
    original =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"), SimulatorOptions.manualClock());
    Path endpoints = dir.resolve("endpoints.json");
    original.writeEndpoints(endpoints);
    captured = dir.resolve("capture.yaml");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    exit =
        new XeMigrate(
                Main.commands(),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .run(
                "sim-capture", "pool=pool-a", "out=" + captured, "window=10m", "pools=" + endpoints)
            .code();
    out = stdout.toString(StandardCharsets.UTF_8);
    copy = Simulator.start(ScenarioLoader.load(captured), SimulatorOptions.manualClock());
  }

  @AfterAll
  static void stop() {
    if (copy != null) {
      copy.close();
    }
    original.close();
  }

  @Test
  void itSaysWhatItCapturedAndWhereItWroteIt() {
    assertThat(exit).as(out).isZero();
    assertThat(out)
        .contains("captured pool pool-a: 3 hosts, 23 VMs")
        .contains("RRD over 600 s at 60 s rows from 3 of 3 hosts")
        .contains("rehearse with: xe-migrate sim scenario=" + captured);
  }

  @Test
  void theFileHoldsNoCredentialOfThePoolAndOnlyItsOwnLogin() throws IOException {
    String text = Files.readString(captured, StandardCharsets.UTF_8);
    Endpoints.PoolEndpoint pool = original.endpoints().pool("pool-a");

    assertThat(text).doesNotContain(pool.password());
    Scenario scenario = ScenarioLoader.load(captured);
    assertThat(scenario.users())
        .singleElement()
        .satisfies(
            user -> {
              assertThat(user.name()).isEqualTo("root");
              assertThat(user.password()).isEqualTo("rehearsal");
            });
    assertThat(scenario.pools())
        .singleElement()
        .satisfies(p -> assertThat(p.name()).isEqualTo("pool-a"));
  }

  @Test
  void theCopyHasThePoolsObjectsUnderTheirUuidsWithTheFiguresAPlanReads() {
    PoolInventory pool = inventory(original);
    PoolInventory capture = inventory(copy);

    assertThat(capture.pool().uuid()).isEqualTo(pool.pool().uuid());
    assertThat(capture.hosts().keySet()).isEqualTo(pool.hosts().keySet());
    assertThat(capture.guests()).hasSameSizeAs(pool.guests());
    for (Host host : pool.hosts().values()) {
      Host copied = capture.hosts().get(host.uuid());
      assertThat(copied.nameLabel()).isEqualTo(host.nameLabel());
      assertThat(copied.memoryTotal()).isEqualTo(host.memoryTotal());
      assertThat(copied.cpuInfo().get("features_hvm"))
          .isEqualTo(host.cpuInfo().get("features_hvm"));
      assertThat(speeds(capture, host)).isEqualTo(speeds(pool, host));
    }
    for (Vm vm : pool.guests()) {
      Vm copied = capture.vms().get(vm.uuid());
      assertThat(copied).as(vm.nameLabel()).isNotNull();
      assertThat(copied.nameLabel()).isEqualTo(vm.nameLabel());
      assertThat(copied.powerState()).isEqualTo(vm.powerState());
      assertThat(copied.residentOnHostUuid()).isEqualTo(vm.residentOnHostUuid());
      assertThat(copied.memoryActual()).isEqualTo(vm.memoryActual());
      assertThat(copied.memory()).isEqualTo(vm.memory());
      assertThat(copied.vcpusMax()).isEqualTo(vm.vcpusMax());
      assertThat(disks(capture, copied)).hasSameSizeAs(disks(pool, vm));
      for (int i = 0; i < disks(pool, vm).size(); i++) {
        Vdi disk = disks(pool, vm).get(i);
        Vdi copiedDisk = disks(capture, copied).get(i);
        assertThat(copiedDisk.uuid()).isEqualTo(disk.uuid());
        assertThat((double) copiedDisk.physicalUtilisation())
            .isCloseTo(disk.physicalUtilisation(), within(0.01 * disk.virtualSize() + 1));
      }
      assertThat(capture.vifsOf(copied).stream().map(v -> v.mac()).toList())
          .isEqualTo(pool.vifsOf(vm).stream().map(v -> v.mac()).toList());
      assertThat(copied.otherConfig().keySet()).noneMatch(key -> key.startsWith("xe-migrate:"));
    }
  }

  @Test
  void theCopysRrdShowsWhatThePoolsShowedOverTheWindow() {
    RrdLoads pool = loads(original);
    RrdLoads capture = loads(copy);

    assertThat(capture.vms().keySet()).isEqualTo(pool.vms().keySet());
    pool.vms()
        .forEach(
            (uuid, load) -> {
              RrdLoads.VmLoad copied = capture.vms().get(uuid);
              assertThat(copied.diskWriteBytesPerSecond())
                  .as("disk writes of %s", uuid)
                  .isCloseTo(
                      load.diskWriteBytesPerSecond(),
                      within(0.15 * load.diskWriteBytesPerSecond() + 1));
              assertThat(copied.diskReadBytesPerSecond())
                  .isCloseTo(
                      load.diskReadBytesPerSecond(),
                      within(0.1 * load.diskReadBytesPerSecond() + 1));
              assertThat(copied.networkBytesPerSecond())
                  .isCloseTo(
                      load.networkBytesPerSecond(), within(0.1 * load.networkBytesPerSecond() + 1));
              assertThat(copied.memoryBytes()).isEqualTo(load.memoryBytes());
            });
    // Background NIC traffic drifts ±30 % around its mean in the simulator: the copy's mean is the
    // pool's over the window, its own window sees it drift.
    pool.nics()
        .forEach(
            (nic, seen) ->
                assertThat(capture.nics().get(nic))
                    .as(nic)
                    .isCloseTo(seen, within(0.35 * seen + 1)));
  }

  private static List<Long> speeds(PoolInventory pool, Host host) {
    return pool.pifsByHost().get(host.uuid()).stream()
        .sorted(java.util.Comparator.comparing(Pif::device))
        .map(Pif::speedMbps)
        .toList();
  }

  private static List<Vdi> disks(PoolInventory pool, Vm vm) {
    return pool.disksOf(vm);
  }

  private static PoolInventory inventory(Simulator simulator) {
    try (PoolClient client = connect(simulator)) {
      return client.loadInventory();
    }
  }

  private static RrdLoads loads(Simulator simulator) {
    try (PoolClient client = connect(simulator)) {
      List<RrdUpdates> exports = new ArrayList<>();
      CaptureWindow window = CaptureWindow.of(WINDOW);
      for (Host host : client.loadInventory().hosts().values()) {
        exports.add(client.rrdUpdates(host.uuid(), -window.seconds(), window.intervalSeconds()));
      }
      return RrdLoads.of(exports);
    }
  }

  private static PoolClient connect(Simulator simulator) {
    Endpoints.PoolEndpoint pool = simulator.endpoints().pool("pool-a");
    Secret password = Secret.of(pool.password());
    return XapiClients.connect(
        ClientSettings.login(pool.master(), pool.username(), () -> password)
            .withTrust(TrustPolicy.pinned(pool.tlsFingerprint())));
  }
}
