package io.xemigrate.xapi.model;

/** A VM's power state, as xapi's {@code vm_power_state}. */
public enum PowerState {
  HALTED,
  PAUSED,
  RUNNING,
  SUSPENDED;

  /** Parses xapi's spelling ({@code "Running"}, {@code "Halted"}, ...). */
  public static PowerState fromXapi(String value) {
    return valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }

  /** xapi's spelling, for example {@code "Running"}. */
  public String toXapi() {
    String lower = name().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
