package io.xemigrate.simulator.store;

import java.util.UUID;

/** Opaque references as xapi writes them: {@code OpaqueRef:<uuid>}. */
public final class Refs {
  /** The empty reference. */
  public static final String NULL = "OpaqueRef:NULL";

  private static final String PREFIX = "OpaqueRef:";

  private Refs() {}

  /** A fresh reference; random, as xapi's are, so a client cannot derive one from a UUID. */
  public static String fresh() {
    return PREFIX + UUID.randomUUID();
  }

  public static boolean isNull(String ref) {
    return ref == null || NULL.equals(ref) || ref.isEmpty();
  }

  public static boolean looksLikeRef(String value) {
    return value.startsWith(PREFIX);
  }
}
