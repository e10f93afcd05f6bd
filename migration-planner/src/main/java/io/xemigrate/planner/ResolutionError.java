package io.xemigrate.planner;

/** Why a request could not be turned into objects of the inventories (for the CLI: bad input). */
public enum ResolutionError {
  UNKNOWN_VM,
  AMBIGUOUS_VM_NAME,
  UNKNOWN_HOST,
  AMBIGUOUS_HOST_NAME,
  UNKNOWN_SR,
  AMBIGUOUS_SR_NAME,
  UNKNOWN_NETWORK,
  AMBIGUOUS_NETWORK_NAME,
  UNKNOWN_VDI,
  UNKNOWN_VIF,
  /** The request contradicts itself or the inventories (a pool drained into itself, bad limits). */
  INVALID_REQUEST
}
