package io.xemigrate.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.coordinator.journal.StoreLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The daemon's configuration: the contract's example reads; each mistake is one FILE:LINE line. */
class DaemonConfigReaderTest {
  private static final String JOB =
      """
      pools: pools.yaml
      jobs:
        - name: nightly-a2
          schedule: "0 2 * * SAT"
          action: evacuate-hosts
          source: pool-a
          hosts: [a2]
      """;

  @TempDir Path dir;

  @Test
  void aPostgresDatabaseTakesItsPasswordFromTheNamedFileAndNeverShowsIt() throws IOException {
    Files.writeString(dir.resolve("db-password"), "s3cret-pg\n", StandardCharsets.UTF_8);

    DaemonConfig config =
        DaemonConfigReader.read(
            write(
                "database: postgresql://db.example.net/xemigrate?user=xemigrate\n"
                    + "databasePasswordFile: db-password\n"
                    + JOB));

    assertThat(config.database())
        .contains(
            new StoreLocation.Postgres(
                "db.example.net", 5432, "xemigrate", "xemigrate", "s3cret-pg"));
    assertThat(config.database().orElseThrow().toString())
        .isEqualTo("postgresql://db.example.net:5432/xemigrate?user=xemigrate");
  }

  @Test
  void aPasswordInThePostgresAddressIsOneLineNamingTheLineAndNotThePassword() throws IOException {
    Path file =
        write("database: postgresql://xemigrate:s3cret-pg@db.example.net/xemigrate\n" + JOB);

    assertThatThrownBy(() -> DaemonConfigReader.read(file))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("config " + file + ":1: the PostgreSQL database given by database:")
        .hasMessageContaining("carries a password", "databasePasswordFile")
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain("s3cret-pg").doesNotContain("\n"));
  }

  @Test
  void readsTheContractsExample() throws IOException {
    DaemonConfig config =
        DaemonConfigReader.read(
            write(
                """
                pools: /etc/xe-migrate/pools.yaml
                database: state/journal.db
                api:
                  listen: 127.0.0.1:8443
                  tokenFile: api-token
                  tls: {certificate: tls.crt, key: tls.key}
                  maxBodyBytes: 65536
                jobs:
                  - name: nightly-a2
                    schedule: "0 2 * * SAT"
                    timeZone: Europe/Paris
                    action: evacuate-hosts
                    source: pool-a
                    hosts: [a2]
                    destination: pool-b
                    destinationHost: b1
                    limits: {maxConcurrent: 3, perSourceHost: 3}
                    window: PT2H
                    blocked: skip
                    maintenance: true
                    missed: run-late
                  - name: restore-a2
                    schedule: "0 6 * * MON"
                    action: restore
                    restoreJob: nightly-a2
                """));

    assertThat(config.database()).contains(StoreLocation.file(dir.resolve("state/journal.db")));
    assertThat(config.api().orElseThrow().port()).isEqualTo(8443);
    JobSpec job = config.job("nightly-a2").orElseThrow();
    assertThat(job.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(job.window()).contains(Duration.ofHours(2));
    assertThat(job.maintenance()).isTrue();
    assertThat(job.runLate()).isTrue();
    assertThat(config.job("restore-a2").orElseThrow().action()).isEqualTo(JobAction.RESTORE);
  }

  @Test
  void thePackagedExampleReads() {
    // The tests run in the module's folder; the example ships in packaging's etc/.
    DaemonConfig example =
        DaemonConfigReader.read(Path.of("../packaging/src/dist/etc/jobs.example.yaml"));

    assertThat(example.jobs())
        .extracting(JobSpec::name)
        .containsExactly("weekly-host-maintenance", "weekly-host-restore");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "colour: blue                | 8 | unknown key 'colour' in a job (known: name,",
        "window: 2h                  | 8 | 'window' must be a positive ISO-8601 duration",
        "    timeZone: Mars/Olympus      | 8 | unknown time zone 'Mars/Olympus'",
        "blocked: ignore             | 8 | 'blocked' must be skip or abort, not 'ignore'",
        "missed: later               | 8 | 'missed' must be skip or run-late, not 'later'",
        "tag: web                    | 8 | 'tag' does not apply to action evacuate-hosts",
        "maintenance: yes please     | 8 | 'maintenance' must be true or false",
        "limits: {perSourceHost: 4}  | 8 | 'perSourceHost' must be a whole number from 1 to 3",
        "- name: nightly-a2              | 8 | job 'nightly-a2' has no 'schedule'",
        "schedule: [1]                   | 8 | the key 'schedule' is given twice",
      })
  void eachMistakeIsOneLineWithItsLine(String extra, int line, String message) throws IOException {
    // The job's keys are indented by four, a new job's dash by two.
    Path file = write(JOB + (extra.startsWith("-") ? "  " : "    ") + extra + "\n");

    assertThatThrownBy(() -> DaemonConfigReader.read(file))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("config " + file + ":" + line + ": ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aBadScheduleNamesTheFieldAndTheLine() throws IOException {
    Path file = write(JOB.replace("0 2 * * SAT", "0 25 * * SAT"));

    assertThatThrownBy(() -> DaemonConfigReader.read(file))
        .hasMessage(
            "config "
                + file
                + ":4: schedule of job 'nightly-a2': hour value 25 is out of range 0-23");
  }

  @Test
  void drainingAPoolIntoItselfAndRestoringAnUnknownJobAreRefused() throws IOException {
    Path drain =
        write(
            JOB.replace("action: evacuate-hosts", "action: drain-pool").replace("hosts: [a2]", ""));
    assertThatThrownBy(() -> DaemonConfigReader.read(drain))
        .hasMessageContaining("add a destination pool other than the source");

    Path restore =
        write(
            JOB
                + "  - name: back\n    schedule: \"0 6 * * *\"\n    action: restore\n"
                + "    restoreJob: nope\n");
    assertThatThrownBy(() -> DaemonConfigReader.read(restore))
        .hasMessageContaining(":8: restoreJob 'nope' of job 'back' must name");
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(dir, "config", ".yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
