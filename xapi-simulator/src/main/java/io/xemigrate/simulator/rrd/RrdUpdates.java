package io.xemigrate.simulator.rrd;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.simulator.VirtualClock;
import io.xemigrate.simulator.rpc.HttpResources.Answer;
import io.xemigrate.simulator.rpc.HttpResources.Resource;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import io.xemigrate.simulator.workload.HiddenWorld;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /rrd_updates?session_id=…&start=…[&cf=AVERAGE][&interval=…][&host=true][&vm_uuid=…]}
 * as xapi serves it on each host (xen-api {@code ocaml/xapi/rrdd_proxy.ml} forwards to xcp-rrdd's
 * {@code get_rrd_updates_handler}): the rows of one archive from {@code start} (Unix seconds, or
 * negative: relative to the last update) to now, in virtual time, as an {@code xport} document. The
 * host's own sources come first when {@code host=true}; then each VM running on the host (only the
 * {@code vm_uuid}s given, when any). A missing or dead session is 401, as xapi's {@code
 * Xapi_http.with_context}; a missing {@code start} is 400.
 */
public final class RrdUpdates implements Resource {
  public static final String PATH = "/rrd_updates";

  private static final long NANOS = 1_000_000_000L;

  private final PoolRuntime pool;
  private final VirtualClock clock;
  private final Instant epoch;
  private final HostRrd sources;

  public RrdUpdates(PoolRuntime pool, HiddenWorld world, VirtualClock clock, Instant epoch) {
    this.pool = pool;
    this.clock = clock;
    this.epoch = epoch;
    this.sources = new HostRrd(pool.store(), world);
  }

  /** Serves {@link #PATH} on every host endpoint of {@code pool}. */
  public static void install(
      PoolRuntime pool, HiddenWorld world, VirtualClock clock, Instant epoch) {
    pool.http().register(PATH, new RrdUpdates(pool, world, clock, epoch));
  }

  @Override
  public Answer get(String hostRef, Map<String, List<String>> query) {
    String session = first(query, "session_id");
    if (session == null || !live(session)) {
      return error(
          401, "Authorisation failed", ImmutableMap.of("WWW-Authenticate", "Basic realm=\"xapi\""));
    }
    String startText = first(query, "start");
    if (startText == null) {
      return error(400, "get_rrd_updates: missing the 'start' parameter", ImmutableMap.of());
    }
    long start;
    long interval;
    try {
      start = Long.parseLong(startText);
      String intervalText = first(query, "interval");
      interval = intervalText == null ? 0 : Long.parseLong(intervalText);
    } catch (NumberFormatException e) {
      return error(500, "get_rrd_updates: start and interval must be integers", ImmutableMap.of());
    }
    String cf = first(query, "cf");
    if (cf != null && !cf.equals("AVERAGE")) {
      // xcp-rrdd keeps only AVERAGE archives unless min/max are enabled.
      return error(500, "No RRA available for cf " + cf, ImmutableMap.of());
    }
    boolean withHost = "true".equals(first(query, "host"));
    ImmutableSet<String> vmUuids = ImmutableSet.copyOf(query.getOrDefault("vm_uuid", List.of()));
    String xml = export(hostRef, start, interval, withHost, vmUuids).toXml();
    return new Answer(
        200,
        "text/xml",
        xml.getBytes(StandardCharsets.UTF_8),
        ImmutableMap.of("Access-Control-Allow-Origin", "*"));
  }

  private boolean live(String session) {
    try {
      pool.sessions().check(session);
      return true;
    } catch (XapiException e) {
      return false;
    }
  }

  Xport export(
      String hostRef,
      long startSeconds,
      long intervalSeconds,
      boolean withHost,
      ImmutableSet<String> vms) {
    long nowNanos = clock.nanos();
    long epochSeconds = epoch.getEpochSecond();
    long lastUpdated = epochSeconds + Math.floorDiv(nowNanos, NANOS);
    long start = startSeconds < 0 ? lastUpdated + startSeconds : startSeconds;
    Archive archive = Archive.choose(start, intervalSeconds, lastUpdated);
    long step = archive.stepSeconds();
    long lastRow = Math.floorDiv(lastUpdated, step) * step;
    long firstRow = Math.floorDiv(start, step) * step + step;

    XapiRecord host = pool.store().get(XapiClass.HOST, hostRef);
    ImmutableList<XapiRecord> residents = sources.residents(hostRef, vms);
    List<Series> series = new ArrayList<>();
    if (withHost) {
      series.addAll(sources.host(host, residents));
    }
    for (XapiRecord vm : residents) {
      series.addAll(sources.vm(vm));
    }
    ImmutableList<String> legend =
        series.stream().map(s -> "AVERAGE:" + s.name()).collect(ImmutableList.toImmutableList());
    ImmutableList.Builder<Xport.Row> rows = ImmutableList.builder();
    for (int i = 0; i < archive.rows(); i++) {
      long time = lastRow - i * step;
      if (time < start) {
        break;
      }
      long toNanos = (time - epochSeconds) * NANOS;
      long fromNanos = toNanos - step * NANOS;
      double[] values = new double[series.size()];
      for (int s = 0; s < values.length; s++) {
        values[s] = series.get(s).reading().mean(fromNanos, toNanos);
      }
      rows.add(new Xport.Row(time, values));
    }
    return new Xport(firstRow, step, lastRow, legend, rows.build());
  }

  private static String first(Map<String, List<String>> query, String key) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Answer error(int status, String message, ImmutableMap<String, String> headers) {
    return new Answer(status, "text/html", message.getBytes(StandardCharsets.UTF_8), headers);
  }
}
