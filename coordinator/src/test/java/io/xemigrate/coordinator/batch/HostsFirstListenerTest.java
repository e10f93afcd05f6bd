package io.xemigrate.coordinator.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run's end reaches its listener only once its hosts are settled: an API client that sees
 * "finished" then reads the hosts as the run leaves them (the race ApiEndToEndTest's maintenance
 * case met under load: the marker was read between the two other_config writes).
 */
class HostsFirstListenerTest {
  @Test
  void theRunsEndWaitsForItsHosts() {
    List<String> heard = new ArrayList<>();
    HostsFirstListener listener =
        new HostsFirstListener(
            new RunListener() {
              @Override
              public void runStarted(String runId, int moves) {
                heard.add("started " + runId);
              }

              @Override
              public void runFinished(RunSummary summary) {
                heard.add("finished " + summary.runId());
              }
            });

    listener.runStarted("run-1", 0);
    listener.runFinished(new RunSummary("run-1", RunStatus.SUCCEEDED, ImmutableList.of(), 1.0));
    assertThat(heard).containsExactly("started run-1");

    listener.hostsSettled();
    listener.hostsSettled();
    assertThat(heard).containsExactly("started run-1", "finished run-1");
  }

  @Test
  void aRunThatNeverEndedTellsNoEnd() {
    List<RunSummary> heard = new ArrayList<>();
    HostsFirstListener listener =
        new HostsFirstListener(
            new RunListener() {
              @Override
              public void runFinished(RunSummary summary) {
                heard.add(summary);
              }
            });

    listener.hostsSettled();

    assertThat(heard).isEmpty();
  }
}
