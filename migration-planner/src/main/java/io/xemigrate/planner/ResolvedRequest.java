package io.xemigrate.planner;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.network.mapping.NicOverrides;
import io.xemigrate.storage.mapping.DiskOverrides;
import io.xemigrate.xapi.model.Vm;

/**
 * A request with every name turned into an object of the inventories.
 *
 * @param vms the VMs to move, in UUID order
 * @param evacuatedHosts source hosts being emptied (never a destination inside the pool)
 * @param candidateHosts destination hosts the plan may use, in UUID order
 * @param transferNetwork the user's transfer network UUID, or {@code ""}
 */
public record ResolvedRequest(
    ImmutableList<Vm> vms,
    ImmutableSet<String> evacuatedHosts,
    ImmutableList<String> candidateHosts,
    DiskOverrides diskOverrides,
    NicOverrides nicOverrides,
    String transferNetwork,
    Limits limits) {}
