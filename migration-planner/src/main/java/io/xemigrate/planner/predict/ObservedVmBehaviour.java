package io.xemigrate.planner.predict;

/**
 * What completed moves of one VM showed, as the coordinator's journal will summarise it.
 *
 * @param dirtyRateBytesPerSecond the dirty rate fitted from the rounds (bytes of round i+1 over the
 *     duration of round i, for the short rounds)
 * @param writableWorkingSetBytes the level the dirty sets flattened at
 * @param movesObserved how many moves the figures come from (0 means "no observation")
 */
public record ObservedVmBehaviour(
    double dirtyRateBytesPerSecond, long writableWorkingSetBytes, int movesObserved) {}
