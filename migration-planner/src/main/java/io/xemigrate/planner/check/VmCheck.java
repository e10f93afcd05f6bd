package io.xemigrate.planner.check;

import io.xemigrate.planner.Finding;
import java.util.List;

/** A check of a VM that does not depend on the destination host. */
public interface VmCheck {
  /** The findings, empty when the VM passes. */
  List<Finding> check(MoveContext context);
}
