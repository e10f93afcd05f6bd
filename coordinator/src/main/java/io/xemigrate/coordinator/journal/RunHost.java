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
    /** Left disabled after the run, in maintenance mode ({@code maintenance=true}). */
    MAINTENANCE,
    /** Enabled again (at the end of the run, or by {@code host-restore}). */
    ENABLED
  }
}
