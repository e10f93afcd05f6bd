package io.xemigrate.planner.bench;

import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.fixtures.Fleets;
import io.xemigrate.planner.plan.MigrationPlan;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning the evacuation of 8 hosts of a generated 64-host pool into another 64-host pool (which
 * already runs half as many VMs), at 1k, 5k and 20k VMs in the source pool. Not part of {@code
 * verify}; run it by hand (command in the module README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
public class PlanningBenchmark {
  @Param({"1000", "5000", "20000"})
  public int vms;

  private PlanningInput input;

  @Setup(Level.Trial)
  public void generate() {
    long memoryGib = Math.max(256, 512L * vms / 5000);
    Fleets.Fleet fleet = Fleets.generate(42, 64, 64, vms, vms / 2, memoryGib, 100_000);
    List<String> evacuated = List.copyOf(fleet.source().hosts().keySet()).subList(0, 8);
    input =
        new PlanningInput(
            fleet.source(),
            fleet.destination(),
            new MigrationRequest.EvacuateHosts(evacuated),
            Overrides.none());
  }

  @Benchmark
  public MigrationPlan evacuateEightHosts() {
    return MigrationPlanner.plan(input);
  }
}
