package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.Fleet;
import io.xemigrate.simulator.SimulatorExtension;
import io.xemigrate.simulator.VirtualClock;
import io.xemigrate.simulator.physics.PrecopyPolicy;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.scenario.Scenario;
import java.util.List;

/**
 * Plugs the migration calls into a {@link io.xemigrate.simulator.Simulator}: {@code
 * Simulator.start(scenario, options.withExtension(MigrationExtension.of(scenario, clock)))}. Each
 * pool gets the migration methods and the scenario's physics; faults listed here are injected as
 * soon as the last pool is installed.
 */
public final class MigrationExtension implements SimulatorExtension, AutoCloseable {
  private final Scenario scenario;
  private final MigrationService service;
  private final List<Fault> initialFaults;

  private MigrationExtension(Scenario scenario, MigrationService service, List<Fault> faults) {
    this.scenario = scenario;
    this.service = service;
    this.initialFaults = List.copyOf(faults);
  }

  /** The migration model for {@code scenario} on {@code clock}, with xapi's stop rules. */
  public static MigrationExtension of(Scenario scenario, VirtualClock clock) {
    return withFaults(scenario, clock, List.of());
  }

  /** As {@link #of}, with faults injected once every pool is up (a scenario's fault list). */
  public static MigrationExtension withFaults(
      Scenario scenario, VirtualClock clock, List<Fault> faults) {
    return new MigrationExtension(
        scenario,
        new MigrationService(clock, new PoolDirectory(), PrecopyPolicy.xenServer()),
        faults);
  }

  public MigrationService service() {
    return service;
  }

  @Override
  public void install(PoolRuntime pool, Fleet fleet) {
    scenario.pools().stream()
        .filter(spec -> spec.name().equals(pool.name()))
        .findFirst()
        .ifPresent(spec -> service.physics().catalog().load(pool, spec, fleet.hidden()));
    service.install(pool);
    if (service.directory().pools().size() == scenario.pools().size()) {
      initialFaults.forEach(service::inject);
    }
  }

  @Override
  public void close() {
    service.close();
  }
}
