package io.xemigrate.storage.mapping;

/** Why a disk was mapped to its destination SR, in the order the rules are tried. */
public enum DiskMappingRule {
  /** The user mapped this VDI explicitly ({@code vdi:<uuid>=<sr>}). */
  EXPLICIT,
  /** The plan's default SR ({@code sr=}). */
  PLAN_DEFAULT,
  /** The VDI's SR is shared and the destination host sees it: nothing to copy. */
  SHARED_IN_PLACE,
  /** An SR with the same name-label as the source SR. */
  SAME_NAME,
  /** An SR of the same type, with headroom, spreading the load. */
  SAME_TYPE,
  /** The destination pool's default SR, when no SR of the same name or type has room. */
  POOL_DEFAULT,
  /** A snapshot disk follows its parent's destination. */
  FOLLOWS_PARENT;

  private final String label = name().toLowerCase(java.util.Locale.ROOT);

  /** The rule's name in lower case, for sentences. */
  public String label() {
    return label;
  }

  /** Whether the user chose the SR (then it is used as given, and only checked). */
  public boolean isUserChoice() {
    return switch (this) {
      case EXPLICIT, PLAN_DEFAULT -> true;
      case SHARED_IN_PLACE, SAME_NAME, SAME_TYPE, POOL_DEFAULT, FOLLOWS_PARENT -> false;
    };
  }
}
