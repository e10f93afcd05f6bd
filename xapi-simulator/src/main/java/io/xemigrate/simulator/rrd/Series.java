package io.xemigrate.simulator.rrd;

/**
 * One data source of an RRD: its legend name (without the {@code AVERAGE:} prefix) and its mean
 * over a window of virtual time, as measured (with noise) by xcp-rrdd.
 */
record Series(String name, Reading reading) {

  /** The value averaged over [from, to) of virtual time. */
  @FunctionalInterface
  interface Reading {
    double mean(long fromNanos, long toNanos);
  }
}
