package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.xemigrate.xapi.testing.FakeXapiServer;
import io.xemigrate.xapi.testing.RecordingListener;
import io.xemigrate.xapi.testing.Reply;
import io.xemigrate.xapi.testing.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the paths that handle secrets (password login, re-login, redirect, migrate_receive token,
 * failures naming a session) and scans every log line, event and exception text for the password
 * and for every session reference the servers handed out: zero hits.
 */
class NoSecretsInLogsTest {

  /** Captures what {@link LoggingEventListener} writes through System.Logger (JUL backend). */
  static final class Capture extends Handler {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LogRecord record) {
      lines.add(record.getLevel() + " " + record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void noPasswordAndNoSessionReferenceInAnyLogLine(@TempDir Path dir) throws Exception {
    Logger logger = Logger.getLogger("io.xemigrate.xapi");
    Capture capture = new Capture();
    logger.addHandler(capture);
    Level previous = logger.getLevel();
    logger.setLevel(Level.ALL);
    RecordingListener recording = new RecordingListener();
    XapiEventListener listener = XapiEventListener.compose(recording, new LoggingEventListener());
    List<String> texts = new ArrayList<>();
    Path passwordFile = dir.resolve("password");
    Files.writeString(passwordFile, FakeXapiServer.PASSWORD, StandardCharsets.UTF_8);

    FakeXapiServer master =
        RetryTest.migrationServer(SessionTest.vmServer(new FakeXapiServer("pool-a")));
    FakeXapiServer member = new FakeXapiServer("pool-a").memberOf(master.address());
    try {
      master.on("Async.VM.migrate_send", params -> Reply.reset());
      ClientSettings settings =
          ClientSettings.login(
                  member.address(), FakeXapiServer.USER, PasswordSource.file(passwordFile))
              .withTrust(TestClients.settings(master, "pool-a", listener).trust())
              .withListener(listener);
      texts.add(settings.toString());
      try (PoolClient client = XapiClients.connect(settings)) {
        master.invalidateAllSessions();
        client.placement("vm-1"); // SESSION_INVALID, then a new login
        try (MigrateReceiveToken token = client.migrateReceive("host-2", "net-1")) {
          texts.add(token.toString());
          texts.add(describe(catchThrowable(() -> client.migrateSend(RetryTest.spec(), token))));
        }
      }
      // A reused session that has expired: the failure names a session reference.
      String expired = master.mintSession();
      master.invalidateAllSessions();
      ClientSettings reuse =
          ClientSettings.reuse(master.address(), Secret.of(expired))
              .withTrust(settings.trust())
              .withListener(listener);
      texts.add(reuse.toString());
      try (PoolClient client = XapiClients.connect(reuse)) {
        Throwable failure = catchThrowable(() -> client.placement("vm-1"));
        assertThat(failure).isInstanceOf(XapiException.class);
        texts.add(describe(failure));
        texts.add(XapiErrorCatalog.explain((XapiException) failure));
      }
      texts.add(
          describe(
              catchThrowable(
                  () ->
                      XapiClients.connect(
                          ClientSettings.login(
                                  master.address(),
                                  "root",
                                  PasswordSource.environment(
                                      "P",
                                      java.util.Map.of("P", "wrong-" + FakeXapiServer.PASSWORD)))
                              .withTrust(settings.trust())
                              .withListener(listener)))));
    } finally {
      logger.removeHandler(capture);
      logger.setLevel(previous);
      member.close();
      master.close();
    }

    List<String> secrets = new ArrayList<>(master.mintedSessions());
    secrets.add(FakeXapiServer.PASSWORD);
    secrets.add(RetryTest.DEST_SESSION);
    List<String> everything = new ArrayList<>(capture.lines);
    everything.addAll(recording.lines());
    everything.addAll(texts);

    assertThat(capture.lines).isNotEmpty();
    assertThat(recording.lines()).anyMatch(line -> line.startsWith("redirect"));
    assertThat(master.count("session.login_with_password")).isGreaterThanOrEqualTo(2);
    for (String line : everything) {
      for (String secret : secrets) {
        assertThat(line).as("a log line or message").doesNotContain(secret);
      }
      assertThat(line).doesNotContain("session_id=");
    }
  }

  /** Message, toString and stack trace (with causes) of a failure. */
  private static String describe(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return failure + "\n" + trace;
  }
}
