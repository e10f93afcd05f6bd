package io.xemigrate.xapi.internal;

import java.security.cert.CertificateException;

/** The server's certificate is not the pinned or recorded one; the message names both. */
final class FingerprintMismatchException extends CertificateException {
  private static final long serialVersionUID = 1L;

  FingerprintMismatchException(String message) {
    super(message);
  }
}
