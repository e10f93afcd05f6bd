package io.xemigrate.planner.predict;

/**
 * What completed moves of one VM showed, as {@link HistoryFit} summarises the journal: the dirty
 * profile under which the pre-copy model reproduces the measured durations.
 *
 * @param dirtyRateBytesPerSecond the effective dirty rate (decay-weighted over the moves)
 * @param writableWorkingSetBytes the effective writable working set
 * @param movesObserved how many moves the figures come from (0 means "no observation")
 */
public record ObservedVmBehaviour(
    double dirtyRateBytesPerSecond, long writableWorkingSetBytes, int movesObserved) {}
