package io.xemigrate.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.plugin.demo.DemoReport;
import io.xemigrate.plugin.demo.DemoRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code demo}: evacuates host a2 of the two-pools simulator into pool-b, end to end, and compares
 * predictions with the simulator's truth. Its journal is a temporary file, so the demo leaves the
 * user's journal alone.
 */
final class DemoCommand implements Command {
  /** Fast enough to finish in well under a minute, slow enough for the progress to be seen. */
  static final double DEFAULT_SPEED = 200;

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "Evacuate a host between two simulated pools, end to end";
  }

  @Override
  public String synopsis() {
    return "demo [speed=N] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("speed");
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    double speed = Parameters.speed(arguments.optional("speed").orElse("" + DEFAULT_SPEED));
    Path journal;
    try {
      journal = Files.createTempDirectory("xe-migrate-demo").resolve("journal.db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!console.json()) {
      console.line(
          "demo: two simulated pools (two-pools.yaml) at "
              + speed
              + "x real time; evacuating host "
              + DemoRun.HOST
              + " of pool-a into pool-b");
    }
    RunListener listener = console.json() ? RunListener.none() : Progress.forConsole(console);
    DemoReport report = new DemoRun(speed, journal).run(listener);
    if (console.json()) {
      console.line(json(report));
    } else {
      print(report, console);
    }
    return report.allOk() ? ExitCode.DONE : ExitCode.FAILED;
  }

  private static void print(DemoReport report, Console console) {
    console.line("");
    console.line(
        String.format(
            "%-14s %10s %10s %14s %14s  %s",
            "vm", "predicted", "actual", "pred. downtime", "act. downtime", "result"));
    for (DemoReport.Moved move : report.moves()) {
      console.line(
          String.format(
              "%-14s %9.1fs %9.1fs %12.0fms %12.0fms  %s",
              move.vm(),
              move.predictedSeconds(),
              move.actualSeconds(),
              move.predictedDowntimeMs(),
              move.actualDowntimeMs(),
              move.ok() ? "ok" : "failed " + move.code()));
    }
    console.line("");
    console.line("blocked by the checks (not moved):");
    for (DemoReport.Blocked blocked : report.blocked()) {
      console.line(String.format("  %-14s %s", blocked.vm(), String.join(", ", blocked.codes())));
    }
    console.line("");
    console.line(
        String.format(
            "makespan %.1f s (predicted %.1f s); lower bound %.1f s; verified: %s",
            report.makespanSeconds(),
            report.predictedMakespanSeconds(),
            report.lowerBoundSeconds(),
            report.verified() ? "every VM runs once, on its planned host" : "NO"));
  }

  static String json(DemoReport report) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode moves = root.putArray("moves");
    for (DemoReport.Moved move : report.moves()) {
      moves
          .addObject()
          .put("vm", move.vm())
          .put("predictedSeconds", round(move.predictedSeconds()))
          .put("actualSeconds", round(move.actualSeconds()))
          .put("predictedDowntimeMs", round(move.predictedDowntimeMs()))
          .put("actualDowntimeMs", round(move.actualDowntimeMs()))
          .put("result", move.ok() ? "ok" : "failed");
    }
    ArrayNode blocked = root.putArray("blocked");
    for (DemoReport.Blocked vm : report.blocked()) {
      ObjectNode entry = blocked.addObject().put("vm", vm.vm());
      vm.codes().forEach(entry.putArray("codes")::add);
    }
    root.put("makespanSeconds", round(report.makespanSeconds()));
    root.put("lowerBoundSeconds", round(report.lowerBoundSeconds()));
    return root.toString();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
