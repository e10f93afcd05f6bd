package io.xemigrate.plugin.cli;

/**
 * The commands a XenCenter menu item can start, each on the one class of object it works on: the
 * plugin XML names the command in its {@code param}, XenCenter appends the selected objects.
 */
enum XenCenterAction {
  VM_MIGRATE_CHECK("vm-migrate-check", "VM", "VMs"),
  VM_MIGRATE_PLAN("vm-migrate-plan", "VM", "VMs"),
  HOST_EVACUATE_PLAN("host-evacuate-plan", "Host", "hosts"),
  HOST_EVACUATE("host-evacuate", "Host", "hosts"),
  POOL_CHECK("pool-check", "Pool", "pools");

  private final String command;
  private final String objectClass;
  private final String plural;

  XenCenterAction(String command, String objectClass, String plural) {
    this.command = command;
    this.objectClass = objectClass;
    this.plural = plural;
  }

  /** The {@code xe-migrate} command this action runs. */
  String command() {
    return command;
  }

  /** The XenAPI class name XenCenter passes for the objects this action works on. */
  String objectClass() {
    return objectClass;
  }

  String plural() {
    return plural;
  }

  static XenCenterAction named(String command) {
    for (XenCenterAction action : values()) {
      if (action.command.equals(command)) {
        return action;
      }
    }
    throw new UsageException(
        "xencenter cannot start '"
            + command
            + "': the plugin XML may name vm-migrate-check, vm-migrate-plan,"
            + " host-evacuate-plan, host-evacuate or pool-check");
  }
}
