package io.xemigrate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.simulator.migration.Fault;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.store.XapiClass;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The RESET_RPC_CONNECTIONS fault: the next N requests to a host get no answer at all. */
class ConnectionResetTest {
  private static Simulator simulator;
  private static MigrationExtension migration;
  private static RawClient client;
  private static String masterUuid;

  @BeforeAll
  static void start() {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.manualClock().withPlainHttp(true);
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    Endpoints.PoolEndpoint pool = simulator.endpoints().pool("pool-a");
    client = new RawClient(pool.master());
    masterUuid =
        pool.hosts().stream()
            .filter(Endpoints.HostEndpoint::master)
            .findFirst()
            .orElseThrow()
            .uuid();
  }

  @AfterAll
  static void stop() {
    simulator.close();
    migration.close();
  }

  private static int sessions() {
    return simulator.pool("pool-a").store().all(XapiClass.SESSION).size();
  }

  @Test
  void resetsBeforeDispatchRunNothingAndCountDown() throws Exception {
    migration.service().inject(Fault.resetConnections(masterUuid, 2, false));
    int before = sessions();

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.login("root", "xenroot")).isInstanceOf(IOException.class);
    }
    assertThat(sessions()).isEqualTo(before);

    String session = client.login("root", "xenroot");
    assertThat(sessions()).isEqualTo(before + 1);
    client.result("session.logout", session);
  }

  @Test
  void aResetAfterDispatchRunsTheCallAndLosesTheAnswer() {
    migration.service().inject(Fault.resetConnections(masterUuid, 1, true));
    int before = sessions();

    assertThatThrownBy(() -> client.login("root", "xenroot")).isInstanceOf(IOException.class);

    assertThat(sessions()).isEqualTo(before + 1);
    simulator.pool("pool-a").sessions().destroyAll();
  }
}
