package io.xemigrate.storage.mapping;

import com.google.common.collect.ImmutableList;
import io.xemigrate.xapi.model.Sr;

/**
 * xapi's SR capability rule for storage motion ({@code assert_sr_support_operations}): the source
 * SM must list {@code VDI_SNAPSHOT} and {@code VDI_MIRROR}; the destination SM {@code VDI_SNAPSHOT}
 * and {@code VDI_MIRROR_IN}, where a listed {@code VDI_MIRROR} also counts as {@code
 * VDI_MIRROR_IN}. A version suffix ({@code VDI_MIRROR/2}) is ignored.
 */
public final class SrCapabilities {
  private SrCapabilities() {}

  /** Capabilities the SR lacks to send a disk, in xapi's order; empty when it can. */
  public static ImmutableList<String> missingToSend(Sr sr) {
    ImmutableList.Builder<String> missing = ImmutableList.builder();
    if (!has(sr, "VDI_SNAPSHOT")) {
      missing.add("VDI_SNAPSHOT");
    }
    if (!has(sr, "VDI_MIRROR")) {
      missing.add("VDI_MIRROR");
    }
    return missing.build();
  }

  /** Capabilities the SR lacks to receive a disk, in xapi's order; empty when it can. */
  public static ImmutableList<String> missingToReceive(Sr sr) {
    ImmutableList.Builder<String> missing = ImmutableList.builder();
    if (!has(sr, "VDI_SNAPSHOT")) {
      missing.add("VDI_SNAPSHOT");
    }
    if (!has(sr, "VDI_MIRROR_IN") && !has(sr, "VDI_MIRROR")) {
      missing.add("VDI_MIRROR_IN");
    }
    return missing.build();
  }

  /** Whether the SR holds user disks (ISO and udev SRs do not). */
  public static boolean holdsUserDisks(Sr sr) {
    return !"iso".equals(sr.contentType()) && !"iso".equals(sr.type()) && !"udev".equals(sr.type());
  }

  /** Whether the SM lists the capability, with or without a version suffix. */
  private static boolean has(Sr sr, String capability) {
    if (sr.smCapabilities().contains(capability)) {
      return true;
    }
    for (String cap : sr.smCapabilities()) {
      if (cap.length() > capability.length()
          && cap.charAt(capability.length()) == '/'
          && cap.startsWith(capability)) {
        return true;
      }
    }
    return false;
  }
}
