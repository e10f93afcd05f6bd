package io.xemigrate.planner.schedule;

/** Prints our schedule of the mixed host evacuation (a debugging aid, test scope). */
public final class ShowSchedule {
  private ShowSchedule() {}

  /** Prints the rendered schedule. */
  public static void main(String[] args) {
    BatchScenarios.Scenario scenario =
        args.length > 0 ? BatchScenarios.sixtyFourHosts(64) : BatchScenarios.hostEvacuationMixed(1);
    Scheduler scheduler = new Scheduler(scenario.topology(), SchedulerPolicy.defaults());
    System.out.print(ScheduleRenderer.render(scheduler.schedule(scenario.moves())));
    System.out.print(
        ScheduleRenderer.render(
            Baselines.run(
                Strategy.XAPI_EVACUATE,
                scenario.moves(),
                scenario.topology(),
                SchedulerPolicy.defaults().model(),
                scheduler.soloPredictions(scenario.moves()))));
  }
}
