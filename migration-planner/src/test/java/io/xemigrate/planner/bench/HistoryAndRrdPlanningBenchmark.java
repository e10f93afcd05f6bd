package io.xemigrate.planner.bench;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.fixtures.Fleets;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanScheduling;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyRateEstimator;
import io.xemigrate.planner.predict.HostPair;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MoveDemands;
import io.xemigrate.planner.predict.MoveInterval;
import io.xemigrate.planner.predict.ObservedVmBehaviour;
import io.xemigrate.planner.predict.PrecopyModel;
import io.xemigrate.planner.schedule.InventoryTopology;
import io.xemigrate.planner.schedule.MoveIntervals;
import io.xemigrate.planner.schedule.PoolObservations;
import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.Scheduler;
import io.xemigrate.planner.schedule.SchedulerPolicy;
import io.xemigrate.planner.schedule.Topology;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.RrdColumn;
import io.xemigrate.xapi.model.RrdRow;
import io.xemigrate.xapi.model.RrdUpdates;
import io.xemigrate.xapi.model.Vm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning a 5000-VM fleet the way the engine does it with what it learnt: the checks and placement
 * ({@link MigrationPlanner}), then the pools' RRD exports read into {@link PoolObservations}, every
 * move's dirtying from history (half of the VMs observed in earlier moves, every host pair's stream
 * rate known) or its kind, the topology with the RRD's NIC and disk loads, the schedule and the
 * p10-p90 intervals of the moves without history. One thread; besides JMH's wall-clock score,
 * {@code cpuMs / plans} is the planning thread's CPU time per plan (the steadier figure on a shared
 * machine). Not part of {@code verify}; command in the module README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
public class HistoryAndRrdPlanningBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int RRD_ROWS = 10;

  /** VMs in the source pool (64 hosts; the destination pool runs half as many). */
  @Param({"5000"})
  public int vms;

  /** Source hosts evacuated: 8 moves about 550 VMs, 32 about 2,250, 64 all of them. */
  @Param({"8", "64"})
  public int evacuated;

  private PlanningInput input;
  private CalibrationObservations history;
  private List<RrdUpdates> exports;

  /**
   * The planning thread's CPU time and the plans made. JMH sums event counters over the measured
   * iterations, so {@code cpuMs / plans} in its table is the CPU time per plan.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    private long cpuNanos;
    public long plans;

    @Setup(Level.Iteration)
    public void reset() {
      cpuNanos = 0;
      plans = 0;
    }

    public double cpuMs() {
      return cpuNanos / 1e6;
    }
  }

  /** What one plan produced (returned so that nothing is optimised away). */
  public record Planned(MigrationPlan plan, Map<String, MoveInterval> intervals) {}

  @Setup(Level.Trial)
  public void generate() {
    long memoryGib = Math.max(256, 512L * vms / 5000);
    Fleets.Fleet fleet = Fleets.generate(42, 64, 64, vms, vms / 2, memoryGib, 100_000);
    List<String> hosts = List.copyOf(fleet.source().hosts().keySet()).subList(0, evacuated);
    input =
        new PlanningInput(
            fleet.source(),
            fleet.destination(),
            new MigrationRequest.EvacuateHosts(hosts),
            Overrides.none());
    Random random = new Random(7);
    history = history(fleet, random);
    exports = new ArrayList<>();
    for (PoolInventory pool : List.of(fleet.source(), fleet.destination())) {
      for (Host host : pool.hosts().values()) {
        exports.add(export(pool, host, random));
      }
    }
  }

  @Benchmark
  public Planned planWithHistoryAndRrd(CpuTime cpu) {
    long start = THREADS.getCurrentThreadCpuTime();
    Planned planned = plan();
    cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
    cpu.plans++;
    return planned;
  }

  /** One plan, as the engine makes it (also the target for a profiler, see PlanningProfile). */
  public Planned plan() {
    PoolObservations observed = PoolObservations.of(exports);
    MigrationPlan plan = MigrationPlanner.plan(input);
    DirtyRateEstimator estimator = new DirtyRateEstimator(history);
    List<MoveDemand> moves =
        PlanScheduling.demands(plan, input.source(), new MoveDemands(estimator));
    Set<String> networks = new HashSet<>();
    plan.moves().stream().map(MovePlan::transferNetworkUuid).forEach(networks::add);
    List<PoolInventory> pools = List.of(input.source(), input.destination());
    Topology topology = InventoryTopology.of(pools, networks, history, observed);
    Schedule schedule = new Scheduler(topology, SchedulerPolicy.defaults()).schedule(moves);
    Map<String, MoveInterval> intervals =
        MoveIntervals.of(moves, pools, estimator, topology, PrecopyModel.xenDefaults());
    return new Planned(PlanScheduling.attach(plan, schedule), intervals);
  }

  /** Every second VM moved before (1 to 3 times), every host pair's stream rate observed. */
  private static CalibrationObservations history(Fleets.Fleet fleet, Random random) {
    Map<HostPair, Double> streams = new HashMap<>();
    for (String source : fleet.source().hosts().keySet()) {
      for (String destination : fleet.destination().hosts().keySet()) {
        streams.put(new HostPair(source, destination), 400e6 + random.nextInt(800) * 1e6);
      }
    }
    Map<String, ObservedVmBehaviour> vms = new HashMap<>();
    List<Vm> guests = fleet.source().guests();
    for (int i = 0; i < guests.size(); i += 2) {
      vms.put(
          guests.get(i).uuid(),
          new ObservedVmBehaviour(
              (1 + random.nextInt(300)) * 1e6, (64L + random.nextInt(4096)) << 20, 1 + i % 3));
    }
    return new CalibrationObservations(streams, vms);
  }

  /** One host's {@code /rrd_updates} with its guests' sources, as xapi-client parses it. */
  private static RrdUpdates export(PoolInventory pool, Host host, Random random) {
    List<RrdColumn> columns = new ArrayList<>();
    for (String source :
        List.of("cpu_avg", "memory_free_kib", "memory_total_kib", "pif_eth0_tx", "pif_eth0_rx")) {
      columns.add(new RrdColumn("AVERAGE", "host", host.uuid(), source));
    }
    for (Vm vm : pool.residentOn(host.uuid())) {
      for (String source :
          List.of(
              "cpu0",
              "memory",
              "memory_internal_free",
              "vbd_xvda_read",
              "vbd_xvda_write",
              "vif_0_tx",
              "vif_0_rx")) {
        columns.add(new RrdColumn("AVERAGE", "vm", vm.uuid(), source));
      }
    }
    List<RrdRow> rows = new ArrayList<>();
    for (int r = 0; r < RRD_ROWS; r++) {
      ImmutableList.Builder<Double> values = ImmutableList.builder();
      for (int c = 0; c < columns.size(); c++) {
        values.add(random.nextDouble() * 50e6);
      }
      rows.add(new RrdRow(1_700_000_000L + 60L * r, values.build()));
    }
    return new RrdUpdates(
        host.uuid(),
        1_700_000_000L,
        60,
        1_700_000_000L + 60L * (RRD_ROWS - 1),
        ImmutableList.copyOf(columns),
        ImmutableList.copyOf(rows));
  }
}
