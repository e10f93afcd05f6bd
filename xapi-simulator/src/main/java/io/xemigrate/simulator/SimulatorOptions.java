package io.xemigrate.simulator;

import com.google.common.collect.ImmutableList;
import java.time.Instant;

/**
 * How to run a simulator.
 *
 * @param clock the virtual clock ({@link VirtualClock#manual()} for tests)
 * @param plainHttp serve HTTP instead of HTTPS
 * @param epoch the wall-clock instant virtual time zero stands for (datetime fields)
 * @param extensions extra method sets installed into every pool (the migration calls)
 * @param ipv6Master the first pool's master listens on {@code ::1} (the one IPv6 loopback address),
 *     so its {@code host.address} is an IPv6 address; every other host keeps its 127.0.0.N
 */
public record SimulatorOptions(
    VirtualClock clock,
    boolean plainHttp,
    Instant epoch,
    ImmutableList<SimulatorExtension> extensions,
    boolean ipv6Master) {

  /** The epoch used when a scenario names none: fixed, so runs are reproducible. */
  public static final Instant DEFAULT_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** HTTPS, a clock at {@code speed} times real time, no extensions. */
  public static SimulatorOptions atSpeed(double speed) {
    return new SimulatorOptions(
        VirtualClock.running(speed), false, DEFAULT_EPOCH, ImmutableList.of(), false);
  }

  /** HTTPS with a hand-stepped clock: for tests. */
  public static SimulatorOptions manualClock() {
    return new SimulatorOptions(
        VirtualClock.manual(), false, DEFAULT_EPOCH, ImmutableList.of(), false);
  }

  public SimulatorOptions withPlainHttp(boolean plain) {
    return new SimulatorOptions(clock, plain, epoch, extensions, ipv6Master);
  }

  /** The first pool's master on {@code ::1} instead of 127.0.0.1. */
  public SimulatorOptions withIpv6Master() {
    return new SimulatorOptions(clock, plainHttp, epoch, extensions, true);
  }

  public SimulatorOptions withExtension(SimulatorExtension extension) {
    return new SimulatorOptions(
        clock,
        plainHttp,
        epoch,
        ImmutableList.<SimulatorExtension>builder().addAll(extensions).add(extension).build(),
        ipv6Master);
  }
}
