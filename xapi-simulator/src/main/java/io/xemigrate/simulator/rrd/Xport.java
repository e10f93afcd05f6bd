package io.xemigrate.simulator.rrd;

import com.google.common.collect.ImmutableList;
import java.util.Locale;

/**
 * rrdtool's {@code xport} document as xapi-rrd writes it (xen-api {@code
 * ocaml/libs/xapi-rrd/lib/rrd_updates.ml}, {@code xml_of}): meta (start, step, end, rows, columns,
 * legend) then the rows, newest first, each a time and one value per legend entry.
 */
record Xport(
    long start, long step, long end, ImmutableList<String> legend, ImmutableList<Row> rows) {

  /** One row: its time (Unix seconds) and a value per legend entry. */
  record Row(long time, double[] values) {}

  String toXml() {
    StringBuilder xml = new StringBuilder(256 + rows.size() * legend.size() * 24);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><xport><meta>");
    element(xml, "start", Long.toString(start));
    element(xml, "step", Long.toString(step));
    element(xml, "end", Long.toString(end));
    element(xml, "rows", Integer.toString(rows.size()));
    element(xml, "columns", Integer.toString(legend.size()));
    xml.append("<legend>");
    for (String entry : legend) {
      element(xml, "entry", entry);
    }
    xml.append("</legend></meta><data>");
    for (Row row : rows) {
      xml.append("<row>");
      element(xml, "t", Long.toString(row.time()));
      for (double value : row.values()) {
        element(xml, "v", number(value));
      }
      xml.append("</row>");
    }
    return xml.append("</data></xport>").toString();
  }

  /** xapi-rrd's {@code f_to_s}: {@code %0.15g}, "0.0", "NaN", "Infinity". */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return "0.0";
    }
    String text = String.format(Locale.ROOT, "%.15g", value);
    return trimZeros(text);
  }

  /** C's %g drops trailing zeros of the fraction; Java's does not. */
  private static String trimZeros(String text) {
    int exponent = text.indexOf('e');
    String mantissa = exponent < 0 ? text : text.substring(0, exponent);
    String rest = exponent < 0 ? "" : text.substring(exponent);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "");
      if (mantissa.endsWith(".")) {
        mantissa = mantissa.substring(0, mantissa.length() - 1);
      }
    }
    return mantissa + rest;
  }

  private static void element(StringBuilder xml, String tag, String text) {
    xml.append('<').append(tag).append('>').append(text).append("</").append(tag).append('>');
  }
}
