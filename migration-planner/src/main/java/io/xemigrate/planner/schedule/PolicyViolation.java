package io.xemigrate.planner.schedule;

/**
 * One thing wrong with a {@link SchedulerPolicy}.
 *
 * @param field the policy field
 * @param code what is wrong
 * @param message a sentence for the administrator
 */
public record PolicyViolation(String field, Code code, String message) {

  /** The kinds of violation. */
  public enum Code {
    /** Below the smallest allowed value. */
    TOO_SMALL,
    /** Above the largest allowed value (for example xapi's 3 concurrent migrate_send). */
    TOO_LARGE
  }
}
