package io.xemigrate.xapi.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 fingerprints of certificates: compared as compact upper-case hex, printed everywhere as
 * {@link #display} ({@code sha256:AB:CD:…}, the form of the simulator's endpoints file; xapi's
 * {@code Certificate.fingerprint_sha256} is the same without the prefix).
 */
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

  /** {@code sha256:AB:CD:…} from any accepted spelling (with or without prefix and colons). */
  public static String display(String fingerprint) {
    String hex = compact(fingerprint);
    StringBuilder out = new StringBuilder("sha256:");
    for (int i = 0; i < hex.length(); i += 2) {
      if (i > 0) {
        out.append(':');
      }
      out.append(hex, i, Math.min(i + 2, hex.length()));
    }
    return out.toString();
  }

  /** Upper-case hex without separators or {@code sha256:} prefix, for comparison. */
  static String compact(String fingerprint) {
    String hex = fingerprint.replace(":", "").trim().toUpperCase(Locale.ROOT);
    return hex.startsWith("SHA256") ? hex.substring(6) : hex;
  }
}
