package io.xemigrate.xapi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a pool's xapi version ({@code software_version["xapi"]}: {@code 1.249} on 8.2, {@code
 * 25.31.0} and on since xapi numbers its releases by year) says about its calls. The API version
 * ({@code API_version_major.minor}) stopped moving with new parameters, so the xapi version
 * decides.
 */
final class XapiVersions {
  /** xapi's {@code ocaml/idl/datamodel_host.ml}: {@code auto_enable} is in release 25.31.0. */
  private static final List<Integer> AUTO_ENABLE = List.of(25, 31, 0);

  private XapiVersions() {}

  /** Whether {@code host.disable} takes {@code auto_enable} on every one of these hosts. */
  static boolean disableTakesAutoEnable(List<Map<String, String>> softwareVersions) {
    return !softwareVersions.isEmpty()
        && softwareVersions.stream()
            .allMatch(v -> atLeast(v.getOrDefault("xapi", ""), AUTO_ENABLE));
  }

  /** Compares the leading numeric components; a version that does not parse is too old. */
  static boolean atLeast(String version, List<Integer> wanted) {
    List<Integer> parts = new ArrayList<>();
    for (String part : version.trim().split("[.-]")) {
      if (!part.matches("\\d{1,9}")) {
        break;
      }
      parts.add(Integer.parseInt(part));
    }
    if (parts.isEmpty()) {
      return false;
    }
    for (int i = 0; i < wanted.size(); i++) {
      int have = i < parts.size() ? parts.get(i) : 0;
      if (have != wanted.get(i)) {
        return have > wanted.get(i);
      }
    }
    return true;
  }
}
