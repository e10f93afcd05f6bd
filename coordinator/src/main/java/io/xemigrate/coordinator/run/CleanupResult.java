package io.xemigrate.coordinator.run;

import com.google.common.collect.ImmutableList;

/**
 * What a cleanup removed and what it could not.
 *
 * @param removed the leftovers destroyed
 * @param failed the leftovers xapi refused to destroy, with its error code
 */
public record CleanupResult(ImmutableList<Leftover> removed, ImmutableList<Failure> failed) {

  /** A leftover that stayed, and why. */
  public record Failure(Leftover leftover, String code) {}

  public static CleanupResult empty() {
    return new CleanupResult(ImmutableList.of(), ImmutableList.of());
  }

  public boolean ok() {
    return failed.isEmpty();
  }
}
