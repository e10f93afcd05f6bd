package io.xemigrate.simulator.store;

import java.util.Optional;

/**
 * One entry of {@code event.from}'s {@code classes}: every class ({@code *}), one class ({@code
 * vm}), or one object ({@code vm/OpaqueRef:…}).
 */
public record Subscription(Optional<XapiClass> cls, Optional<String> ref) {

  /** Parses an entry, or fails with {@code EVENT_SUBSCRIPTION_PARSE_FAILURE [sub]}. */
  public static Subscription parse(String text) {
    if (text.equals("*")) {
      return new Subscription(Optional.empty(), Optional.empty());
    }
    int slash = text.indexOf('/');
    String className = slash < 0 ? text : text.substring(0, slash);
    XapiClass cls =
        XapiClass.byName(className)
            .orElseThrow(() -> XapiException.of("EVENT_SUBSCRIPTION_PARSE_FAILURE", text));
    Optional<String> ref = slash < 0 ? Optional.empty() : Optional.of(text.substring(slash + 1));
    return new Subscription(Optional.of(cls), ref);
  }

  public boolean matches(XapiClass objectClass, String objectRef) {
    return cls.map(c -> c == objectClass).orElse(true)
        && ref.map(r -> r.equals(objectRef)).orElse(true);
  }
}
