package io.xemigrate.simulator.rpc;

import java.util.Arrays;
import java.util.Optional;

/**
 * xapi's RBAC roles, weakest first: each role holds every permission of the roles before it
 * (docs/failure-semantics.md#roles).
 */
public enum Role {
  READ_ONLY("read-only"),
  VM_OPERATOR("vm-operator"),
  VM_ADMIN("vm-admin"),
  VM_POWER_ADMIN("vm-power-admin"),
  POOL_OPERATOR("pool-operator"),
  POOL_ADMIN("pool-admin");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether a session with this role may make a call that needs {@code minimum}. */
  public boolean allows(Role minimum) {
    return compareTo(minimum) >= 0;
  }

  public static Optional<Role> byWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }
}
