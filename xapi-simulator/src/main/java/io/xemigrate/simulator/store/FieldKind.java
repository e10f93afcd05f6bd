package io.xemigrate.simulator.store;

/**
 * The XenAPI type of a field, which fixes its Java representation in the store and its wire form.
 */
public enum FieldKind {
  /** {@link String}. */
  STRING,
  /** {@link Long}; a decimal string on XML-RPC, a number on JSON-RPC. */
  INT,
  /** {@link Double}. */
  FLOAT,
  /** {@link Boolean}. */
  BOOL,
  /** {@link java.time.Instant}. */
  DATETIME,
  /** An immutable {@link java.util.List}. */
  SET,
  /** An immutable {@link java.util.Map} with string keys. */
  MAP,
  /** A {@link String} {@code OpaqueRef:…}, {@code OpaqueRef:NULL} when empty. */
  REF,
  /** A {@link String} holding the enum's wire value. */
  ENUM
}
