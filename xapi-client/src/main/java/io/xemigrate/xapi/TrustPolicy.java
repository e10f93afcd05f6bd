package io.xemigrate.xapi;

import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * How the pool's TLS certificate is verified. Verification is on unless {@link #insecure()} is
 * chosen explicitly, which is reported through {@link XapiEventListener#insecureTls} on every
 * connection set-up.
 *
 * <p>For {@link Pinned} and {@link TrustOnFirstUse} the fingerprint replaces both the chain check
 * and the host-name check: xapi's default certificates are self-signed and often do not name the
 * address the client uses, and a matching SHA-256 of the leaf certificate identifies the host more
 * strictly than a name would.
 */
public sealed interface TrustPolicy {

  /** The JVM's trust store, with host-name verification. */
  record SystemTrust() implements TrustPolicy {}

  /**
   * Accept only leaf certificates with one of these SHA-256 fingerprints (hex, colons optional).
   */
  record Pinned(ImmutableSet<String> sha256Fingerprints) implements TrustPolicy {
    public Pinned {
      sha256Fingerprints =
          sha256Fingerprints.stream()
              .map(TrustPolicy::normalise)
              .collect(ImmutableSet.toImmutableSet());
    }
  }

  /**
   * Record the first certificate seen per {@code host:port} in a known-pools file (like ssh's
   * known_hosts) and refuse a different one later, naming both fingerprints.
   */
  record TrustOnFirstUse(Path knownPoolsFile) implements TrustPolicy {}

  /** No verification at all. Explicit, and warned about on every run. */
  record Insecure() implements TrustPolicy {}

  static TrustPolicy system() {
    return new SystemTrust();
  }

  static TrustPolicy pinned(String... sha256Fingerprints) {
    return new Pinned(ImmutableSet.copyOf(sha256Fingerprints));
  }

  static TrustPolicy pinned(Set<String> sha256Fingerprints) {
    return new Pinned(ImmutableSet.copyOf(sha256Fingerprints));
  }

  static TrustPolicy trustOnFirstUse(Path knownPoolsFile) {
    return new TrustOnFirstUse(knownPoolsFile);
  }

  static TrustPolicy insecure() {
    return new Insecure();
  }

  /** Upper-case hex without separators, the form fingerprints are compared in. */
  static String normalise(String fingerprint) {
    String hex = fingerprint.replace(":", "").trim().toUpperCase(Locale.ROOT);
    return hex.startsWith("SHA256") ? hex.substring(6) : hex;
  }
}
