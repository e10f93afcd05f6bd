package io.xemigrate.xapi.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 fingerprints of certificates, as upper-case hex with colons. */
public final class Fingerprints {
  private Fingerprints() {}

  /** The fingerprint of a certificate: {@code AB:CD:...}. */
  public static String sha256(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint a certificate", e);
    }
  }

  /**
   * A fingerprint in the form {@link #sha256} prints ({@code AB:CD:...}), so that a pinned one and
   * a presented one read alike; text that is not hex stays as it is.
   */
  static String withColons(String fingerprint) {
    String compact = compact(fingerprint);
    if (!compact.matches("[0-9A-F]+") || compact.length() % 2 != 0) {
      return fingerprint;
    }
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(compact));
  }

  /** Upper-case hex without separators, for comparison. */
  static String compact(String fingerprint) {
    return fingerprint.replace(":", "").trim().toUpperCase(Locale.ROOT);
  }
}
