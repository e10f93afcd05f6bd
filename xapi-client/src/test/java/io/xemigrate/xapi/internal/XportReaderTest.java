package io.xemigrate.xapi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.xapi.XapiException;
import io.xemigrate.xapi.model.RrdColumn;
import io.xemigrate.xapi.model.RrdUpdates;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** xcp-rrdd's xport document, read safely. */
class XportReaderTest {
  private static final String XPORT =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xport><meta><start>1000</start><step>5</step>"
          + "<end>1010</end><rows>3</rows><columns>2</columns><legend>"
          + "<entry>AVERAGE:host:h-1:cpu_avg</entry><entry>AVERAGE:vm:v-1:vbd_xvda_write</entry>"
          + "</legend></meta><data>"
          + "<row><t>1010</t><v>0.25</v><v>1.5e+07</v></row>"
          + "<row><t>1005</t><v>0.0</v><v>NaN</v></row>"
          + "<row><t>1000</t><v>0.5</v><v>2000000</v></row>"
          + "</data></xport>";

  private static RrdUpdates read(String text) {
    return XportReader.read("h-1", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsMetaLegendAndRowsOldestFirst() {
    RrdUpdates updates = read(XPORT);
    assertThat(updates.stepSeconds()).isEqualTo(5);
    assertThat(updates.endSeconds()).isEqualTo(1010);
    assertThat(updates.columns())
        .containsExactly(
            new RrdColumn("AVERAGE", "host", "h-1", "cpu_avg"),
            new RrdColumn("AVERAGE", "vm", "v-1", "vbd_xvda_write"));
    assertThat(updates.rows())
        .extracting(r -> r.timeSeconds())
        .containsExactly(1000L, 1005L, 1010L);
    assertThat(updates.rows().get(1).values().get(1)).isNaN();
    assertThat(updates.mean("vm", "v-1", "vbd_xvda_write").getAsDouble()).isEqualTo(8.5e6);
    assertThat(updates.after(1005).rows()).hasSize(1);
  }

  @Test
  void refusesADtdAndExternalEntities() {
    String hostile =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + XPORT.substring(XPORT.indexOf("<xport>")).replace("h-1:cpu_avg", "h-1:&e;");
    assertThatThrownBy(() -> read(hostile))
        .isInstanceOfSatisfying(
            XapiException.class, e -> assertThat(e.code()).isEqualTo("XE_BAD_RESPONSE"))
        .hasMessageNotContaining("root:");
  }

  @Test
  void refusesARowThatDoesNotMatchTheLegendAndAnythingElse() {
    assertThatThrownBy(() -> read(XPORT.replace("<v>0.25</v>", "")))
        .isInstanceOf(XapiException.class);
    assertThatThrownBy(() -> read("<html><body>401</body></html>"))
        .isInstanceOf(XapiException.class);
    assertThatThrownBy(() -> read(XPORT.replace("AVERAGE:host:h-1:cpu_avg", "cpu_avg")))
        .isInstanceOf(XapiException.class);
  }
}
