package io.xemigrate.planner.predict;

/**
 * A VM's dirtying as the planner will assume it, with where it came from so a plan can explain it.
 *
 * @param profile the rate and WWS used
 * @param source which input decided
 * @param kind the VM's workload kind (decides whatever the source left open)
 */
public record DirtyEstimate(DirtyProfile profile, DirtySource source, WorkloadKind kind) {}
