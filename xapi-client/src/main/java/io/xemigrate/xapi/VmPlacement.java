package io.xemigrate.xapi;

import io.xemigrate.xapi.model.PowerState;

/**
 * Where a VM is now: what a coordinator reads after a call of unknown outcome.
 *
 * @param residentOnHostUuid {@code ""} when the VM runs nowhere
 */
public record VmPlacement(String vmUuid, PowerState powerState, String residentOnHostUuid) {}
