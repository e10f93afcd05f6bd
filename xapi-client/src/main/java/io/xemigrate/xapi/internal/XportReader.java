package io.xemigrate.xapi.internal;

import com.google.common.collect.ImmutableList;
import io.xemigrate.xapi.XapiErrors;
import io.xemigrate.xapi.XapiException;
import io.xemigrate.xapi.model.RrdColumn;
import io.xemigrate.xapi.model.RrdRow;
import io.xemigrate.xapi.model.RrdUpdates;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads xcp-rrdd's {@code xport} document (xen-api {@code ocaml/libs/xapi-rrd/lib/rrd_updates.ml}):
 * {@code <xport><meta><start/><step/><end/><rows/><columns/><legend><entry/>…</legend></meta>
 * <data><row><t/><v/>…</row>…</data></xport>}. StAX with DTDs and external entities off; anything
 * else than that shape is one {@code XE_BAD_RESPONSE}.
 */
final class XportReader {
  private static final String WHAT = "rrd_updates";
  private static final XMLInputFactory FACTORY = newFactory();

  private XportReader() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  static RrdUpdates read(String hostUuid, byte[] body) {
    try {
      XMLStreamReader xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      try {
        return parse(hostUuid, xml);
      } finally {
        xml.close();
      }
    } catch (XMLStreamException | NumberFormatException | IllegalStateException e) {
      throw bad("not an xport document: " + e.getMessage(), e);
    }
  }

  private static RrdUpdates parse(String hostUuid, XMLStreamReader xml) throws XMLStreamException {
    long start = -1;
    long step = -1;
    long end = -1;
    List<RrdColumn> columns = new ArrayList<>();
    List<RrdRow> rows = new ArrayList<>();
    List<Double> values = null;
    long time = -1;
    boolean root = false;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        throw new IllegalStateException("a DTD is not allowed");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "xport" -> root = true;
          case "start" -> start = Long.parseLong(xml.getElementText().trim());
          case "step" -> step = Long.parseLong(xml.getElementText().trim());
          case "end" -> end = Long.parseLong(xml.getElementText().trim());
          case "entry" -> {
            String legend = xml.getElementText().trim();
            columns.add(
                RrdColumn.parse(legend)
                    .orElseThrow(() -> new IllegalStateException("bad legend entry " + legend)));
          }
          case "row" -> {
            values = new ArrayList<>();
            time = -1;
          }
          case "t" -> time = Long.parseLong(xml.getElementText().trim());
          case "v" -> {
            if (values == null) {
              throw new IllegalStateException("a value outside a row");
            }
            values.add(number(xml.getElementText().trim()));
          }
          default -> {
            // meta, rows, columns, legend, data: containers or counts we recompute.
          }
        }
      } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
        if (values == null || values.size() != columns.size() || time < 0) {
          throw new IllegalStateException("a row does not match the legend");
        }
        rows.add(new RrdRow(time, ImmutableList.copyOf(values)));
        values = null;
      }
    }
    if (!root || step <= 0 || end < 0) {
      throw new IllegalStateException("missing xport, step or end");
    }
    rows.sort(Comparator.comparingLong(RrdRow::timeSeconds));
    return new RrdUpdates(
        hostUuid, start, step, end, ImmutableList.copyOf(columns), ImmutableList.copyOf(rows));
  }

  /** xapi-rrd writes "NaN", "Infinity", "-Infinity" and %g numbers. */
  private static double number(String text) {
    return switch (text) {
      case "NaN", "nan" -> Double.NaN;
      case "Infinity", "inf" -> Double.POSITIVE_INFINITY;
      case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  private static XapiException bad(String detail, Throwable cause) {
    return XapiErrors.client(WHAT, XapiErrors.BAD_RESPONSE, detail, cause);
  }
}
