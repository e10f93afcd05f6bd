package io.xemigrate.xapi;

import java.util.Objects;

/**
 * A secret string (a password, a session reference, a migration token entry). Its {@link
 * #toString()} never shows the value, so a secret that ends up in a log line or a message by
 * mistake shows up as {@code <redacted>}.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The value itself: call only at the point where it is sent to xapi. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "<redacted>";
  }
}
