package io.xemigrate.simulator.scenario;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/** The values a scenario may leave out, in one place (documented in the module README). */
final class Defaults {
  static final String CPU_VENDOR = "GenuineIntel";
  static final String CPU_MODEL = "Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz";
  static final String CPU_FEATURES = "1fcbfbff-f7fa3223-2d93fbff-00000023";
  static final int CPU_COUNT = 40;
  static final int CPU_SOCKETS = 2;
  static final double CPU_SPEED_MHZ = 2100.0;
  static final long HOST_MEMORY_MIB = 262_144;
  static final long HOST_OVERHEAD_MIB = 600;
  static final String PRODUCT_VERSION = "8.2.1";
  static final String PLATFORM_VERSION = "3.2.1";
  static final String XAPI_BUILD = "1.249.0";
  static final String XEN = "4.13.5-9.40";
  static final ImmutableList<Long> HARDWARE_PLATFORM_VERSIONS = ImmutableList.of(0L, 1L, 2L);
  static final long NIC_MBPS = 10_000;
  static final long SR_THROUGHPUT_MBPS = 500;
  static final long VM_MEMORY_MIB = 2048;
  static final long VM_VCPUS = 2;
  static final int DISK_FILL_PERCENT = 50;
  static final long API_MAJOR = 2;
  static final long API_MINOR = 20;

  /** The platform keys xapi's templates give an HVM guest. */
  static final ImmutableMap<String, Object> PLATFORM =
      ImmutableMap.of(
          "acpi",
          "1",
          "apic",
          "true",
          "pae",
          "true",
          "viridian",
          "true",
          "nx",
          "true",
          "timeoffset",
          "0",
          "device-model",
          "qemu-upstream-compat");

  private Defaults() {}

  /** A stable UUID from names, so a scenario without UUIDs gives the same world each run. */
  static String uuid(String... parts) {
    String key = String.join("/", parts).toLowerCase(Locale.ROOT);
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
