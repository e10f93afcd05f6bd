package io.xemigrate.simulator.physics;

/**
 * One memory round as it really happened.
 *
 * @param index 0 for the first full pass, then 1, 2, ... for dirty passes
 * @param bytes bytes sent in the round
 * @param nanos virtual time the round took
 * @param paused whether this is the stop-and-copy round (guest paused)
 */
public record RoundTruth(int index, long bytes, long nanos, boolean paused) {}
