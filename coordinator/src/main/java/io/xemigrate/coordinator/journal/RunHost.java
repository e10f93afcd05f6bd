package io.xemigrate.coordinator.journal;

/**
 * A host that a run disabled ({@code host-evacuate}), and where it stands now.
 *
 * @param state what the run last did to it
 */
public record RunHost(String runId, String poolUuid, String hostUuid, HostState state) {

  /** What a run did to a host it disabled. */
  public enum HostState {
    /** Disabled for the run's moves (written before {@code host.disable} is called). */
    DISABLED,
    /**
     * Disabled for the run's moves by a run asked to leave it in maintenance mode ({@code
     * maintenance=true}): what a resumed run does at its end, after a crash.
     */
    DISABLED_FOR_MAINTENANCE,
    /** Left disabled after the run, in maintenance mode ({@code maintenance=true}). */
    MAINTENANCE,
    /** Enabled again (at the end of the run, or by {@code host-restore}). */
    ENABLED
  }
}
