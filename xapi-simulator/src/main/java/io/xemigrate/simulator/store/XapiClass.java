package io.xemigrate.simulator.store;

import com.google.common.collect.ImmutableMap;
import java.util.Locale;
import java.util.Optional;

/**
 * The XenAPI classes the simulator stores. The wire name is the class prefix of a call ({@code
 * VM.get_record}, {@code network.get_all}); events use the lower-case form ({@code vm}, {@code
 * vm_metrics}).
 */
public enum XapiClass {
  SESSION("session"),
  POOL("pool"),
  HOST("host"),
  HOST_METRICS("host_metrics"),
  VM("VM"),
  VM_METRICS("VM_metrics"),
  VM_GUEST_METRICS("VM_guest_metrics"),
  VBD("VBD"),
  VDI("VDI"),
  SR("SR"),
  PBD("PBD"),
  SM("SM"),
  VIF("VIF"),
  NETWORK("network"),
  PIF("PIF"),
  PIF_METRICS("PIF_metrics"),
  TASK("task"),
  MESSAGE("message"),
  PCI("PCI"),
  PGPU("PGPU"),
  VGPU("VGPU"),
  VGPU_TYPE("VGPU_type"),
  VUSB("VUSB"),
  CERTIFICATE("Certificate");

  private static final ImmutableMap<String, XapiClass> BY_LOWER_NAME;

  static {
    ImmutableMap.Builder<String, XapiClass> builder = ImmutableMap.builder();
    for (XapiClass value : values()) {
      builder.put(value.eventName(), value);
    }
    BY_LOWER_NAME = builder.buildOrThrow();
  }

  private final String wireName;

  XapiClass(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in calls, for example {@code VM} or {@code network}. */
  public String wireName() {
    return wireName;
  }

  /** The lower-case name used by {@code event.from} and {@code valid_ref_counts}. */
  public String eventName() {
    return wireName.toLowerCase(Locale.ROOT);
  }

  /** Looks a class up by its wire name, ignoring case as xapi does for call prefixes. */
  public static Optional<XapiClass> byName(String name) {
    return Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
  }
}
