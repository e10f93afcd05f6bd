package io.xemigrate.storage.mapping;

import com.google.common.collect.ImmutableList;
import io.xemigrate.xapi.model.Sr;
import java.util.Set;
import java.util.stream.Collectors;

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
    Set<String> caps = normalised(sr);
    ImmutableList.Builder<String> missing = ImmutableList.builder();
    if (!caps.contains("VDI_SNAPSHOT")) {
      missing.add("VDI_SNAPSHOT");
    }
    if (!caps.contains("VDI_MIRROR")) {
      missing.add("VDI_MIRROR");
    }
    return missing.build();
  }

  /** Capabilities the SR lacks to receive a disk, in xapi's order; empty when it can. */
  public static ImmutableList<String> missingToReceive(Sr sr) {
    Set<String> caps = normalised(sr);
    ImmutableList.Builder<String> missing = ImmutableList.builder();
    if (!caps.contains("VDI_SNAPSHOT")) {
      missing.add("VDI_SNAPSHOT");
    }
    if (!caps.contains("VDI_MIRROR_IN") && !caps.contains("VDI_MIRROR")) {
      missing.add("VDI_MIRROR_IN");
    }
    return missing.build();
  }

  /** Whether the SR holds user disks (ISO and udev SRs do not). */
  public static boolean holdsUserDisks(Sr sr) {
    return !"iso".equals(sr.contentType()) && !"iso".equals(sr.type()) && !"udev".equals(sr.type());
  }

  private static Set<String> normalised(Sr sr) {
    return sr.smCapabilities().stream()
        .map(cap -> cap.contains("/") ? cap.substring(0, cap.indexOf('/')) : cap)
        .collect(Collectors.toSet());
  }
}
