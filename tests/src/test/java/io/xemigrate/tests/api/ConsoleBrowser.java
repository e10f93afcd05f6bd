package io.xemigrate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (both at fixed paths, so Selenium
 * Manager never looks anything up or downloads), with a fresh profile; screenshots under {@code
 * target/console-screenshots}. A machine without them fails the test: {@code .ci/run} installs
 * them.
 */
final class ConsoleBrowser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  final ChromeDriver driver;
  final WebDriverWait wait;

  ConsoleBrowser(Path profile, Duration patience) {
    assertThat(CHROMIUM)
        .as("Chromium is needed: apt-get install -y chromium chromium-driver (.ci/run does)")
        .isExecutable();
    assertThat(CHROMEDRIVER)
        .as("chromedriver is needed: apt-get install -y chromium chromium-driver (.ci/run does)")
        .isExecutable();
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(new File(profile.resolveSibling("chromedriver.log").toString()))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, patience);
    // Live pages redraw: an element found a moment ago may be gone; the next poll finds the new
    // one.
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Saves what the browser shows as {@code target/console-screenshots/NAME.png}. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  WebElement one(String css) {
    return wait.until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
  }

  /** The text of every element {@code css} matches, read at one instant (the page may redraw). */
  @SuppressWarnings("unchecked")
  List<String> texts(String css) {
    return (List<String>)
        driver.executeScript(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);",
            css);
  }

  /** Waits until some element {@code css} matches has the text {@code text}. */
  void awaitText(String css, String text) {
    wait.until(d -> texts(css).contains(text));
  }

  /** Waits until {@code css} matches {@code count} elements. */
  void awaitCount(String css, int count) {
    wait.until(d -> d.findElements(By.cssSelector(css)).size() == count);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
