package io.xemigrate.planner.check;

import io.xemigrate.planner.Finding;
import java.util.List;

/** A check of a VM against one candidate destination host: a feasibility filter of placement. */
public interface HostCheck {
  /** The findings, empty when the host passes; a blocker rejects the host. */
  List<Finding> check(HostContext context);
}
