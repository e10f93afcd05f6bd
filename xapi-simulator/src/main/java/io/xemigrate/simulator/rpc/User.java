package io.xemigrate.simulator.rpc;

/** A scenario user. The password never leaves the simulator. */
public record User(String name, String password, Role role) {
  @Override
  public String toString() {
    return "User[" + name + ", " + role + "]";
  }
}
