package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.DataDirectory;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.tests.cli.CliProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run-cancel} as a process on a journal left by an interrupted run. */
class RunCancelCommandTest {
  private static final String WAITING = "00000000-0000-0000-0000-00000000000a";
  private static final String HANDED_OFF = "00000000-0000-0000-0000-00000000000b";

  @TempDir Path dir;

  @Test
  void cancelsTheWaitingMovesOfAnInterruptedRunAndRefusesAnUnknownOne() throws IOException {
    Path data = dir.resolve("data");
    try (Journal journal = Journal.open(DataDirectory.journal(data), Clock.systemUTC())) {
      journal.startRun("run-x", "sha256:abc", "{}", List.of(WAITING, HANDED_OFF));
      journal.saveMove(
          "run-x", new MoveState(HANDED_OFF, MovePhase.MIGRATING, 0, 0, "", ImmutableList.of()));
    }
    CliProcess cli = new CliProcess(Files.createDirectories(dir.resolve("config")), data);

    CliProcess.Result cancelled = cli.run("run-cancel", "run=run-x");
    CliProcess.Result unknown = cli.run("run-cancel", "run=run-nope");

    assertThat(cancelled.exitCode()).as(cancelled.err()).isZero();
    assertThat(cancelled.out()).contains("1 waiting moves cancelled");
    try (Journal journal = Journal.open(DataDirectory.journal(data), Clock.systemUTC())) {
      assertThat(journal.run("run-x").orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(journal.moves("run-x"))
          .extracting(MoveState::phase)
          .containsExactly(MovePhase.CANCELLED, MovePhase.MIGRATING);
    }
    assertThat(unknown.exitCode()).isEqualTo(2);
    // sqlite-jdbc's SLF4J notice (no provider on this class path) is not ours to count.
    assertThat(unknown.errLines())
        .filteredOn(line -> !line.startsWith("SLF4J"))
        .singleElement()
        .asString()
        .contains("unknown run 'run-nope'");
  }
}
