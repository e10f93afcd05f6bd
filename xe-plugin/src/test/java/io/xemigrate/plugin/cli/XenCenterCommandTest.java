package io.xemigrate.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code xencenter} refuses before it contacts any pool: each mistake of the selection or of
 * the plugin XML is one line, exit 2, and never shows the session reference.
 */
class XenCenterCommandTest {
  private static final String SESSION = "OpaqueRef:5ecret-5e55ion";
  private static final String URL = "https://10.0.0.10:443/";
  private static final String VM = "7491c89e-7329-3fdf-b73b-a6f1db061836";
  private static final String HOST = "f6dbfe3f-d43b-37d6-9bff-40aaf9e8b0b6";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private ExitCode run(String... args) {
    return new XeMigrate(
            Main.commands(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  private String error() {
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(1);
    assertThat(text + out.toString(StandardCharsets.UTF_8)).doesNotContain(SESSION);
    return text.strip();
  }

  private static String[] words(String... first) {
    return first;
  }

  private static String[] with(String[] head, String... objects) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(List.of(objects));
    return all.toArray(String[]::new);
  }

  @Test
  void parsesParametersThenGroupsOfFour() {
    XenCenterRequest request =
        XenCenterRequest.parse(
            List.of(
                "vm-migrate-check",
                "destination=pool-b",
                URL,
                SESSION,
                "VM",
                VM,
                URL,
                SESSION,
                "VM",
                VM.toUpperCase(java.util.Locale.ROOT)));

    assertThat(request.action()).isEqualTo(XenCenterAction.VM_MIGRATE_CHECK);
    assertThat(request.parameters()).containsExactly("destination=pool-b");
    assertThat(request.objects()).hasSize(2);
    assertThat(request.objects().get(1).uuid()).isEqualTo(VM);
    assertThat(request.objects().get(0).session().reveal()).isEqualTo(SESSION);
    assertThat(request.objects().get(0).toString()).doesNotContain(SESSION);
  }

  @Test
  void noObjectOrAnIncompleteGroup() {
    assertThat(run("xencenter", "vm-migrate-check")).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error()).contains("XenCenter passed no selected object");
    err.reset();

    assertThat(run("xencenter", "vm-migrate-check", URL, SESSION, "VM"))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error()).contains("3 values after the parameters, not groups of four");
  }

  @Test
  void anUnknownCommandInTheXml() {
    assertThat(run(with(words("xencenter", "vm-destroy"), URL, SESSION, "VM", VM)))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error()).contains("xencenter cannot start 'vm-destroy'");
  }

  @Test
  void theWrongClassTheRootNodeOrNoConnection() {
    assertThat(run("xencenter", "host-evacuate", URL, SESSION, "VM", VM))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error())
        .isEqualTo(
            "xe-migrate: error: host-evacuate works on hosts; XenCenter passed a VM ("
                + VM
                + "): use the menu item on hosts");
    err.reset();

    assertThat(run("xencenter", "vm-migrate-check", URL, SESSION, "blank", "blank"))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error()).contains("the XenCenter node is selected");
    err.reset();

    assertThat(run("xencenter", "host-evacuate-plan", "null", "null", "Host", HOST))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error()).contains("XenCenter is not connected to the pool of Host " + HOST);
  }

  @Test
  void aMalformedUuidIsNotEchoed() {
    // Out of step: the "UUID" is the next group's session reference.
    assertThat(run("xencenter", "vm-migrate-check", URL, "VM", VM, SESSION))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error()).contains("malformed UUID");
  }

  @Test
  void theSelectionNamesWhatTheParamMustNot() {
    assertThat(run("xencenter", "vm-migrate-check", "vm=web-01", URL, SESSION, "VM", VM))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error()).contains("vm= comes from XenCenter's selection");
    err.reset();

    assertThat(
            run(
                "xencenter",
                "vm-migrate-check",
                URL,
                SESSION,
                "VM",
                VM,
                "https://10.0.1.10/",
                "OpaqueRef:other",
                "VM",
                HOST))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error()).contains("the selection spans 2 pools");
    err.reset();

    assertThat(run("xencenter", "vm-migrate-check", "colour=blue", URL, SESSION, "VM", VM))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error()).contains("unknown parameter 'colour' for vm-migrate-check");
  }

  @Test
  void plainHttpIsRefusedBeforeTheSessionIsSent() {
    assertThat(run("xencenter", "vm-migrate-check", "http://10.0.0.10/", SESSION, "VM", VM))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error()).contains("over plain HTTP: xe-migrate speaks only HTTPS");
  }

  @Test
  void poolCheckNeedsTwoPoolsOrADestination() {
    assertThat(run("xencenter", "pool-check", URL, SESSION, "Pool", VM))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(error()).contains("pool-check compares two pools");
  }
}
