package io.xemigrate.simulator.store;

import java.util.Optional;

/**
 * One coalesced change as {@code event.from} reports it: the current record for {@code add} and
 * {@code mod}, none for {@code del}.
 */
public record Event(
    long id, XapiClass cls, Operation operation, String ref, Optional<XapiRecord> snapshot) {

  /** The {@code event_operation} enum. */
  public enum Operation {
    ADD("add"),
    MOD("mod"),
    DEL("del");

    private final String wire;

    Operation(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }
}
