package io.xemigrate.simulator.scenario;

/** xapi's CPU feature masks: dash-separated 32-bit hex words. */
final class CpuMasks {
  private CpuMasks() {}

  /** The features both masks have (the pool level of two hosts). */
  static String and(String a, String b) {
    String[] left = a.split("-");
    String[] right = b.split("-");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      if (i > 0) {
        out.append('-');
      }
      long word = Long.parseLong(left[i], 16) & Long.parseLong(right[i], 16);
      out.append(String.format(java.util.Locale.ROOT, "%08x", word));
    }
    return out.toString();
  }
}
