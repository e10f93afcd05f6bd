package io.xemigrate.xapi.testing;

import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A serializable class that counts its own deserializations: a hostile server puts one in a fault's
 * {@code faultCause}; the count must stay zero.
 */
public final class Canary implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final AtomicInteger DESERIALIZED = new AtomicInteger();

  private void readObject(ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    DESERIALIZED.incrementAndGet();
    in.defaultReadObject();
  }
}
