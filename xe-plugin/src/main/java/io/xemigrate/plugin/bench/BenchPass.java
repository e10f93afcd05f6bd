package io.xemigrate.plugin.bench;

import java.util.Locale;

/** Which pass of a scenario: before any history, or after the same VMs moved once and back. */
public enum BenchPass {
  /** An empty journal: the predictor has only what the pools show. */
  COLD,
  /** The journal holds the batch's moves out and back, read as every plan reads it. */
  WARM;

  /** {@code cold} or {@code warm}, as in the JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
