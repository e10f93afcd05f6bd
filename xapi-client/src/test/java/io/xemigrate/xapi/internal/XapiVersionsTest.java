package io.xemigrate.xapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XapiVersionsTest {
  @ParameterizedTest
  @CsvSource({
    "25.31.0, true",
    "25.31, true",
    "25.31.1, true",
    "26.0.0, true",
    "25.30.9, false",
    "24.19.1, false",
    "1.249, false",
    "1.249.26, false",
    "'', false",
    "unknown, false"
  })
  void hostDisableTakesAutoEnableFromXapi25dot31(String xapi, boolean expected) {
    assertThat(XapiVersions.disableTakesAutoEnable(List.of(Map.of("xapi", xapi))))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"25.31.0, 1.249, false", "25.31.0, 25.31.0, true"})
  void everyHostMustKnowIt(String master, String host, boolean expected) {
    assertThat(
            XapiVersions.disableTakesAutoEnable(
                List.of(Map.of("xapi", master), Map.of("xapi", host))))
        .isEqualTo(expected);
  }
}
