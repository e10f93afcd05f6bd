package io.xemigrate.simulator.scenario;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The SM driver capabilities xapi reports per SR type (xapi-project/sm and xcp-ng/sm driver lists,
 * docs/xapi-behaviour.md#sr-capabilities). Raw LUN, udev and ISO drivers lack {@code VDI_SNAPSHOT}
 * and {@code VDI_MIRROR}, which is what makes {@code SR_DOES_NOT_SUPPORT_MIGRATION}.
 */
final class SmCapabilities {
  private static final ImmutableList<String> FILE_BASED =
      ImmutableList.of(
          "SR_PROBE",
          "SR_UPDATE",
          "SR_SUPPORTS_LOCAL_CACHING",
          "VDI_CREATE",
          "VDI_DELETE",
          "VDI_ATTACH",
          "VDI_DETACH",
          "VDI_UPDATE",
          "VDI_CLONE",
          "VDI_SNAPSHOT",
          "VDI_RESIZE",
          "VDI_MIRROR",
          "VDI_GENERATE_CONFIG",
          "VDI_RESET_ON_BOOT/2",
          "VDI_CONFIG_CBT",
          "ATOMIC_PAUSE",
          "VDI_ACTIVATE",
          "VDI_DEACTIVATE",
          "THIN_PROVISIONING");
  private static final ImmutableList<String> BLOCK_BASED =
      ImmutableList.of(
          "SR_PROBE",
          "SR_UPDATE",
          "SR_TRIM",
          "VDI_CREATE",
          "VDI_DELETE",
          "VDI_ATTACH",
          "VDI_DETACH",
          "VDI_UPDATE",
          "VDI_CLONE",
          "VDI_SNAPSHOT",
          "VDI_RESIZE",
          "VDI_MIRROR",
          "VDI_GENERATE_CONFIG",
          "VDI_RESET_ON_BOOT/2",
          "VDI_CONFIG_CBT",
          "ATOMIC_PAUSE",
          "VDI_ACTIVATE",
          "VDI_DEACTIVATE");
  private static final ImmutableList<String> RAW =
      ImmutableList.of("SR_PROBE", "VDI_ATTACH", "VDI_DETACH", "VDI_INTRODUCE");
  private static final ImmutableList<String> ISO =
      ImmutableList.of(
          "VDI_CREATE", "VDI_DELETE", "VDI_ATTACH", "VDI_DETACH", "SR_SCAN", "SR_PROBE");

  private SmCapabilities() {}

  static List<String> forType(String type) {
    return switch (type) {
      case "ext", "nfs", "smb", "file", "xfs", "zfs", "cephfs", "glusterfs", "largeblock" ->
          FILE_BASED;
      case "lvm", "lvmoiscsi", "lvmohba", "lvmofcoe", "linstor" -> BLOCK_BASED;
      case "iso" -> ISO;
      default -> RAW;
    };
  }
}
