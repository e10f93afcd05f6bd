package io.xemigrate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.xemigrate.simulator.migration.Fault;
import io.xemigrate.simulator.migration.FaultKind;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The web console in headless Chromium against the API over the in-process simulator: sign in, a
 * plan's timeline with one bar per move, approve and apply, the run's bars to SUCCEEDED, another
 * run cancelled, pools and jobs; a VM named like an HTML tag shows as text. Screenshots of each
 * page go to {@code target/console-screenshots}.
 */
class ConsoleBrowserTest {
  static final String HOSTILE = "<img src=x onerror=alert(1)>";
  static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir static Path dir;
  static ApiFixture api;
  ConsoleBrowser browser;

  @BeforeAll
  static void start() throws IOException {
    api =
        new ApiFixture(
            dir, ScenarioLoader.parse("console-pools.yaml", twoPoolsWithHostileName()), s -> s);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void signInPlanApproveApplyWatchCancelPoolsAndJobs() {
    browser = new ConsoleBrowser(dir.resolve("chromium-profile"), WAIT);
    String first = plan("[\"web-01\",\"web-02\",\"gpu-render\",\"" + HOSTILE + "\"]");
    String second = plan("[\"web-03\",\"app-02\"]");

    browser.driver.get(base() + "/console/");
    browser.one("#token").sendKeys(ApiFixture.TOKEN);
    browser.screenshot("1-sign-in");
    browser.one("#signin button[type=submit]").click();
    browser.awaitCount("tr.plan-row", 2);
    assertThat(browser.texts("tr.plan-row td:first-child")).contains(first, second);
    browser.screenshot("2-plans");
    assertThat(browser.driver.getCurrentUrl()).doesNotContain(ApiFixture.TOKEN);
    assertThat(browser.driver.manage().getCookies()).isEmpty();

    browser.one("tr[data-plan='" + first + "'] a").click();
    browser.awaitCount("svg.timeline rect.bar.predicted", 3);
    assertThat(browser.texts("svg.timeline text.vm"))
        .containsExactlyInAnyOrder("web-01", "web-02", HOSTILE);
    assertThat(browser.all("img")).as("a VM name never becomes an element").isEmpty();
    assertThat(browser.all("svg.timeline line.makespan")).hasSize(1);
    assertThat(browser.texts("tr.finding td")).contains("gpu-render", "VM_HAS_PCI_ATTACHED");
    browser.one("#by-nic").click();
    browser.awaitCount("svg.timeline rect.bar.predicted", 3);
    browser.screenshot("3-plan");

    browser.one("#approve").click();
    browser.awaitText("#plan-status", "approved");
    browser.wait.until(d -> d.findElement(By.id("apply")).isEnabled());
    browser.one("#apply").click();
    browser.wait.until(d -> d.getCurrentUrl().contains("#/runs/"));
    browser.awaitText("#run-status", "SUCCEEDED");
    browser.wait.until(
        d ->
            browser
                .texts("tr.move-row td.phase")
                .equals(List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED")));
    browser.awaitCount("svg.timeline rect.bar.actual.SUCCEEDED", 3);
    browser.awaitCount("tr.compare-row", 3);
    assertThat(browser.texts("tr.move-row td.vm-name")).contains(HOSTILE);
    assertThat(browser.all("img")).isEmpty();
    browser.screenshot("4-run-succeeded");

    // The second run's sending host crawls, so it is still running when cancelled.
    String a2 =
        api.client
            .get("/api/v1/plans/" + second)
            .json()
            .at("/plan/moves/0/sourceHostUuid")
            .asText();
    api.migration.service().inject(new Fault(FaultKind.SLOW_NIC, a2, 1e6, 0.001, 0));
    browser.driver.get(base() + "/console/#/plans/" + second);
    browser.awaitCount("svg.timeline rect.bar.predicted", 2);
    browser.one("#approve").click();
    browser.awaitText("#plan-status", "approved");
    browser.wait.until(d -> d.findElement(By.id("apply")).isEnabled());
    browser.one("#apply").click();
    browser.awaitText("#run-status", "RUNNING");
    browser.awaitText("tr.move-row td.phase", "MIGRATING");
    browser.screenshot("5-run-live");
    String cancelled = browser.driver.getCurrentUrl().replaceFirst(".*#/runs/", "");
    browser.one("#cancel").click();
    browser.wait.until(d -> !browser.texts("#run-status").equals(List.of("RUNNING")));
    assertThat(browser.texts("#run-status"))
        .as(api.client.get("/api/v1/runs/" + cancelled).body())
        .containsExactly("CANCELLED");
    browser.screenshot("6-run-cancelled");

    browser.one("nav a[data-page=runs]").click();
    browser.awaitCount("tr.run-row", 2);

    browser.one("nav a[data-page=pools]").click();
    browser.awaitCount("tr.host-row", 6);
    browser.screenshot("7-pools");

    browser.one("nav a[data-page=jobs]").click();
    browser.one("section[data-job='nightly-a2'] button.pause").click();
    browser.awaitText("section[data-job='nightly-a2'] td.paused", "yes");
    browser.one("section[data-job='nightly-a2'] button.resume").click();
    browser.awaitText("section[data-job='nightly-a2'] td.paused", "no");
    browser.one("section[data-job='nightly-a2'] button.run-now").click();
    browser.awaitCount("section[data-job='nightly-a2'] tr.job-run", 1);
    browser.screenshot("8-jobs");

    assertThatThrownBy(() -> browser.driver.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void assetsCarryTheirTypeAndAStrictPolicyAndNeedNoToken() {
    ApiClient anonymous = ApiClient.plain(api.server.port(), "");
    ApiClient.Answer script = anonymous.get("/console/app.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("content-type")).contains("text/javascript; charset=utf-8");
    assertThat(script.header("x-content-type-options")).contains("nosniff");
    assertThat(script.header("content-security-policy"))
        .contains(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    ApiClient.Answer page = anonymous.get("/console/");
    assertThat(page.header("content-type")).contains("text/html; charset=utf-8");
    assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=");
    assertThat(anonymous.get("/console/nothing.js").status()).isEqualTo(404);
    assertThat(anonymous.get("/api/v1/plans").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/v1/pools").status()).isEqualTo(401);
  }

  private String plan(String vms) {
    ApiClient.Answer created =
        api.client.post(
            "/api/v1/plans",
            "{\"kind\":\"vm-migrate\",\"vms\":"
                + vms
                + ",\"source\":\"pool-a\",\"destination\":\"pool-b\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode answer = created.json();
    return answer.get("id").asText();
  }

  private String base() {
    return "http://127.0.0.1:" + api.server.port();
  }

  /** The bundled two-pools scenario with one more VM on a1, named like an HTML tag. */
  static String twoPoolsWithHostileName() throws IOException {
    String text;
    try (InputStream in = ScenarioLoader.class.getResourceAsStream("/scenarios/two-pools.yaml")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String vm =
        "    vms:\n"
            + "      - name: \""
            + HOSTILE
            + "\"\n"
            + "        powerState: Running\n"
            + "        host: a1\n"
            + "        memoryMiB: 2048\n"
            + "        vcpus: 1\n"
            + "        disks:\n"
            + "          - {sr: a-nfs, sizeGiB: 10, fillPercent: 20}\n"
            + "        nics:\n"
            + "          - {network: VM network 100, mac: \"aa:bb:cc:00:0f:01\"}\n";
    int at = text.indexOf("    vms:\n");
    return text.substring(0, at) + vm + text.substring(at + "    vms:\n".length());
  }
}
