package io.xemigrate.simulator.rrd;

import com.google.common.collect.ImmutableList;

/**
 * One round-robin archive of xcp-rrdd: rows of {@code pdpCount} base steps of 5 s. xcp-rrdd keeps
 * four AVERAGE archives per RRD (xen-api {@code ocaml/xcp-rrdd/bin/rrdd/rrdd_shared.ml}, {@code
 * timescales}): 5 s for 10 minutes, 1 minute for 2 hours, 1 hour for a week, 1 day for a year.
 */
record Archive(int pdpCount, int rows) {
  static final long BASE_STEP_SECONDS = 5;

  static final ImmutableList<Archive> XCP_RRDD =
      ImmutableList.of(
          new Archive(1, 120),
          new Archive(12, 120),
          new Archive(720, 168),
          new Archive(17280, 366));

  long stepSeconds() {
    return BASE_STEP_SECONDS * pdpCount;
  }

  /**
   * The archive xcp-rrdd exports for {@code start} and {@code interval} (xapi-rrd's {@code
   * find_best_rras}): the finest one at least as coarse as the interval that still holds {@code
   * start}; when none does, the coarsest.
   */
  static Archive choose(long startSeconds, long intervalSeconds, long lastUpdatedSeconds) {
    long pdpInterval = intervalSeconds / BASE_STEP_SECONDS;
    long lastPdp = Math.floorDiv(lastUpdatedSeconds, BASE_STEP_SECONDS) * BASE_STEP_SECONDS;
    for (Archive archive : XCP_RRDD) {
      long oldest = lastPdp - BASE_STEP_SECONDS * archive.rows() * (long) archive.pdpCount();
      if (archive.pdpCount() >= pdpInterval && startSeconds > oldest) {
        return archive;
      }
    }
    return XCP_RRDD.get(XCP_RRDD.size() - 1);
  }
}
