package io.xemigrate.daemon;

import java.util.Arrays;
import java.util.Optional;

/** What a scheduled job does, with the name the configuration file uses. */
public enum JobAction {
  /** Move every VM off the job's {@code hosts}. */
  EVACUATE_HOSTS("evacuate-hosts"),
  /** Move the running VMs of every enabled host of the source pool to the destination pool. */
  DRAIN_POOL("drain-pool"),
  /** Move the running VMs whose tags contain the job's {@code tag}. */
  MOVE_TAGGED("move-tagged"),
  /** Move back the VMs of another job's last evacuation and enable its hosts again. */
  RESTORE("restore"),
  /** Balance the source pool: the moves of {@code pool-balance-plan} with the job's settings. */
  BALANCE("balance");

  private final String configName;

  JobAction(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static Optional<JobAction> byConfigName(String name) {
    return Arrays.stream(values()).filter(action -> action.configName.equals(name)).findFirst();
  }
}
