package io.xemigrate.plugin.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureWindowTest {
  @Test
  void upToTwoHoursIsReadAtOneMinuteRowsLongerAtHourlyRows() {
    assertThat(CaptureWindow.parse("30m")).contains(new CaptureWindow(1800, 60));
    assertThat(CaptureWindow.parse("2h")).contains(new CaptureWindow(7200, 60));
    assertThat(CaptureWindow.parse("7201")).contains(new CaptureWindow(7201, 3600));
    assertThat(CaptureWindow.parse("7d")).contains(new CaptureWindow(7 * 86_400, 3600));
    assertThat(CaptureWindow.parse("300s")).contains(new CaptureWindow(300, 60));
    assertThat(CaptureWindow.defaultWindow()).isEqualTo(new CaptureWindow(3600, 60));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1x", "4m", "299", "8d", "-1h", "1.5h", "h", "99999999999999999999"})
  void anythingElseIsRefused(String text) {
    assertThat(CaptureWindow.parse(text)).isEmpty();
  }
}
