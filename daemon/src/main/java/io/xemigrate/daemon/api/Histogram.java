package io.xemigrate.daemon.api;

/** A Prometheus histogram: cumulative buckets, sum and count, written in the text format 0.0.4. */
final class Histogram {
  private final String name;
  private final String help;
  private final double[] bounds;
  private final long[] counts;
  private double sum;
  private long count;

  Histogram(String name, String help, double... bounds) {
    this.name = name;
    this.help = help;
    this.bounds = bounds.clone();
    this.counts = new long[bounds.length];
  }

  synchronized void observe(double value) {
    for (int i = 0; i < bounds.length; i++) {
      if (value <= bounds[i]) {
        counts[i]++;
      }
    }
    sum += value;
    count++;
  }

  synchronized void write(StringBuilder out) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" histogram\n");
    for (int i = 0; i < bounds.length; i++) {
      out.append(name)
          .append("_bucket{le=\"")
          .append(Metrics.number(bounds[i]))
          .append("\"} ")
          .append(counts[i])
          .append('\n');
    }
    out.append(name).append("_bucket{le=\"+Inf\"} ").append(count).append('\n');
    out.append(name).append("_sum ").append(Metrics.number(sum));
    out.append('\n').append(name).append("_count ").append(count).append('\n');
  }
}
