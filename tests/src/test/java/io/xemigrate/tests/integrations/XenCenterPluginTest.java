package io.xemigrate.tests.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import io.xemigrate.tests.cli.CliProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every menu item of the packaged XCP-ng Center plugin, run the way XenCenter runs it: the command
 * line of its {@code Shell} (param values, then URL, session reference, class and UUID per selected
 * object), as a process, against the two-pools scenario served by an in-process simulator. The
 * session is one "XenCenter" opened beforehand: afterwards it is still valid, xe-migrate logged
 * nobody in or out, and the reference appears in no output and no file xe-migrate wrote.
 */
class XenCenterPluginTest {
  @TempDir static Path dir;
  private static Simulator simulator;
  private static MigrationExtension migration;
  private static XenCenterPluginFile plugin;
  private static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  private CliProcess cli;
  private Path data;
  private final List<String> sessions = new ArrayList<>();

  @BeforeAll
  static void startSimulator() throws IOException {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    // Fast virtual time: the evacuation really moves VMs; nothing here sleeps.
    SimulatorOptions options = SimulatorOptions.atSpeed(400);
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    for (String pool : List.of("pool-a", "pool-b")) {
      count(simulator.pool(pool), "session.login_with_password");
      count(simulator.pool(pool), "session.logout");
    }
    plugin = XenCenterPluginFile.packaged();
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
    migration.close();
  }

  @BeforeEach
  void freshDirectories() throws IOException {
    Path run = Files.createTempDirectory(dir, "run");
    data = run.resolve("data");
    cli = new CliProcess(Files.createDirectories(run.resolve("config")), data);
    calls.values().forEach(counter -> counter.set(0));
  }

  @AfterEach
  void closeXenCentersSessions() {
    sessions.forEach(ref -> simulator.fleet().pools().forEach(p -> p.sessions().logout(ref)));
  }

  @Test
  void checkMigrationOnTwoVmsReusesTheSession() throws IOException {
    String session = xenCenterLogsIn("pool-a");

    CliProcess.Result result =
        run(
            "xe-migrate-vm-check",
            object("pool-a", session, "VM", vm("pool-a", "web-01")),
            object("pool-a", session, "VM", vm("pool-a", "gpu-render")));

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(result.out())
        .contains("web-01 (" + vm("pool-a", "web-01") + "): ok")
        .contains("gpu-render (" + vm("pool-a", "gpu-render") + "): blocked")
        .contains("VM_HAS_PCI_ATTACHED")
        .contains("1 of 2 VMs can move; 1 blocked.");
    assertSessionUntouched("pool-a", session, result);
  }

  @Test
  void planMigrationWritesThePlanIntoTheDataDirectory() throws IOException {
    String session = xenCenterLogsIn("pool-a");

    CliProcess.Result result =
        run(
            "xe-migrate-vm-plan",
            object("pool-a", session, "VM", vm("pool-a", "web-01")),
            object("pool-a", session, "VM", vm("pool-a", "app-01")));

    assertThat(result.exitCode()).as(result.err()).isZero();
    Matcher written = Pattern.compile("Plan written to (\\S+);").matcher(result.out());
    assertThat(written.find()).as(result.out()).isTrue();
    Path planFile = Path.of(written.group(1));
    assertThat(planFile).startsWith(data.resolve("plans"));
    MigrationPlan plan = PlanJson.read(Files.readString(planFile, StandardCharsets.UTF_8));
    assertThat(plan.movableCount()).isEqualTo(2);
    assertThat(plan.intraPool()).isTrue();
    assertSessionUntouched("pool-a", session, result);
  }

  @Test
  void planHostEvacuationPlansEveryVmOfTheHost() throws IOException {
    String session = xenCenterLogsIn("pool-a");

    CliProcess.Result result =
        run("xe-migrate-host-plan", object("pool-a", session, "Host", host("pool-a", "a2")));

    assertThat(result.exitCode()).as(result.err()).isIn(0, 3);
    assertThat(result.out()).contains("Plan written to " + data.resolve("plans"));
    assertSessionUntouched("pool-a", session, result);
  }

  @Test
  void evacuateHostShowsThePlanAndAsksFirst() throws IOException {
    String session = xenCenterLogsIn("pool-a");

    CliProcess.Result result =
        run("xe-migrate-host-evacuate", object("pool-a", session, "Host", host("pool-a", "a2")));

    // No console to answer the question: nothing moves. (The other evacuation empties a3 only.)
    assertThat(result.exitCode()).as(result.out()).isEqualTo(2);
    assertThat(result.out()).contains("VMs move").contains("web-03");
    assertThat(residents("pool-a", "a2")).contains("web-03");
    assertSessionUntouched("pool-a", session, result);
  }

  @Test
  void evacuateHostWithYesMovesTheVmsOverXenCentersSession() throws IOException {
    String session = xenCenterLogsIn("pool-a");
    String a3 = host("pool-a", "a3");

    CliProcess.Result result =
        run(
            plugin.commandLine("xe-migrate-host-evacuate", List.of("yes=true")),
            object("pool-a", session, "Host", a3));

    // Some VMs of a3 cannot move (a USB device, a blocked operation): exit 3, the rest moved.
    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(result.out()).contains("SUCCEEDED");
    assertThat(residents("pool-a", "a3")).doesNotContain("web-04", "app-03");
    assertSessionUntouched("pool-a", session, result);
  }

  @Test
  void comparePoolsWithTwoSelectedPools() throws IOException {
    String sessionA = xenCenterLogsIn("pool-a");
    String sessionB = xenCenterLogsIn("pool-b");

    CliProcess.Result result =
        run(
            "xe-migrate-pool-check",
            object("pool-a", sessionA, "Pool", poolUuid("pool-a")),
            object("pool-b", sessionB, "Pool", poolUuid("pool-b")));

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(result.out()).contains("Pool pool-a -> pool-b").containsPattern("sr_type +iscsi");
    assertSessionUntouched("pool-a", sessionA, result);
    assertSessionUntouched("pool-b", sessionB, result);
  }

  @Test
  void aWrongSelectionIsOneLineAndExitTwo() throws IOException {
    String session = xenCenterLogsIn("pool-a");

    CliProcess.Result host =
        run("xe-migrate-vm-check", object("pool-a", session, "Host", host("pool-a", "a1")));
    CliProcess.Result root =
        run("xe-migrate-vm-check", List.of(url("pool-a"), session, "blank", "blank"));
    CliProcess.Result onePool =
        run("xe-migrate-pool-check", object("pool-a", session, "Pool", poolUuid("pool-a")));

    assertThat(host.exitCode()).isEqualTo(2);
    assertThat(host.errLines())
        .containsExactly(
            "xe-migrate: error: vm-migrate-check works on VMs; XenCenter passed a Host ("
                + host("pool-a", "a1")
                + "): use the menu item on VMs");
    assertThat(root.exitCode()).isEqualTo(2);
    assertThat(root.errLines()).singleElement().asString().contains("XenCenter node is selected");
    assertThat(onePool.exitCode()).isEqualTo(2);
    assertThat(onePool.errLines()).singleElement().asString().contains("select two pools");
    for (CliProcess.Result result : List.of(host, root, onePool)) {
      assertSessionUntouched("pool-a", session, result);
    }
  }

  @Test
  void aSessionXenCenterLostIsOneLineWithoutTheReference() throws IOException {
    String session = xenCenterLogsIn("pool-a");
    simulator.pool("pool-a").sessions().logout(session);

    CliProcess.Result result =
        run("xe-migrate-vm-check", object("pool-a", session, "VM", vm("pool-a", "web-01")));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("the session XenCenter passed is no longer valid")
        .doesNotContain(session);
    assertThat(calls.get("pool-a session.login_with_password").get()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  /** XenCenter's own login, before any menu item runs; not counted. */
  private String xenCenterLogsIn(String pool) {
    PoolRuntime runtime = simulator.pool(pool);
    String ref =
        runtime.sessions().login("root", "xenroot", "XenCenter", runtime.masterRef()).ref();
    sessions.add(ref);
    return ref;
  }

  @SafeVarargs
  private CliProcess.Result run(String menuItem, List<String>... objects) {
    return run(plugin.commandLine(menuItem, List.of()), objects);
  }

  @SafeVarargs
  private CliProcess.Result run(List<String> commandLine, List<String>... objects) {
    List<String> words = new ArrayList<>(commandLine);
    Stream.of(objects).forEach(words::addAll);
    return cli.run(words.toArray(String[]::new));
  }

  /** The four values XenCenter appends for one selected object. */
  private static List<String> object(String pool, String session, String type, String uuid) {
    return List.of(url(pool), session, type, uuid);
  }

  /** The coordinator's URL as XenCenter's {@code Helpers.GetUrl} builds it (a trailing slash). */
  private static String url(String pool) {
    return simulator.endpoints().pool(pool).master() + "/";
  }

  private void assertSessionUntouched(String pool, String session, CliProcess.Result result)
      throws IOException {
    assertThat(simulator.pool(pool).sessions().isLive(session)).isTrue();
    assertThat(calls.get(pool + " session.login_with_password").get()).isZero();
    assertThat(calls.get(pool + " session.logout").get()).isZero();
    assertThat(result.out() + result.err()).doesNotContain(session);
    if (Files.exists(data)) {
      try (Stream<Path> files = Files.walk(data)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
              .as("%s", file)
              .doesNotContain(session);
        }
      }
    }
  }

  /** Counts the calls of one method of one pool, then lets the simulator answer as before. */
  private static void count(PoolRuntime pool, String method) {
    MethodSpec spec = pool.methods().find(method).orElseThrow();
    AtomicInteger counter =
        calls.computeIfAbsent(pool.name() + " " + method, key -> new AtomicInteger());
    pool.methods()
        .register(
            new MethodSpec(
                spec.name(),
                spec.minimumRole(),
                spec.arity(),
                spec.needsSession(),
                spec.async(),
                spec.cancellable(),
                (context, args) -> {
                  counter.incrementAndGet();
                  return spec.handler().call(context, args);
                }));
  }

  private static String vm(String pool, String name) {
    return byName(pool, XapiClass.VM, name).uuid();
  }

  private static String host(String pool, String name) {
    return byName(pool, XapiClass.HOST, name).uuid();
  }

  private static String poolUuid(String pool) {
    return simulator.endpoints().pool(pool).uuid();
  }

  private static XapiRecord byName(String pool, XapiClass cls, String name) {
    return simulator.pool(pool).store().all(cls).stream()
        .filter(record -> record.string("name_label").equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Names of the running VMs resident on a host. */
  private static List<String> residents(String pool, String hostName) {
    String hostRef = byName(pool, XapiClass.HOST, hostName).ref();
    return simulator.pool(pool).store().all(XapiClass.VM).stream()
        .filter(record -> record.string("resident_on").equals(hostRef))
        .filter(record -> record.string("power_state").equals("Running"))
        .map(record -> record.string("name_label"))
        .toList();
  }
}
