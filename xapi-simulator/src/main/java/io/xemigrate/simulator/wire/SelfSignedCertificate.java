package io.xemigrate.simulator.wire;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A fresh self-signed server certificate for one host's address (and localhost), made at start like
 * a new xapi host's: every host has its own, none is shared. {@link #sha256()} is xapi's form of
 * {@code Certificate.fingerprint_sha256} (upper-case hex pairs joined by colons, xapi's {@code
 * certificates.ml}); {@link #fingerprint()} adds a {@code sha256:} prefix, the form the endpoints
 * file and every message print.
 */
public record SelfSignedCertificate(X509Certificate certificate, PrivateKey key) {

  /** A certificate for 127.0.0.1 and localhost. */
  public static SelfSignedCertificate generate(String commonName) {
    return generate(commonName, "127.0.0.1");
  }

  /** A certificate naming {@code ipAddress} (v4 or v6) and localhost. */
  public static SelfSignedCertificate generate(String commonName, String ipAddress) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256, new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      // Wall time is right here: TLS peers check validity against their own real clocks.
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=" + commonName);
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(3650))),
              subject,
              pair.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, ipAddress),
                new GeneralName(GeneralName.dNSName, "localhost")
              }));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return new SelfSignedCertificate(certificate, pair.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot make a self-signed certificate", e);
    }
  }

  /** {@code sha256:AA:BB:…} over the DER encoding. */
  public String fingerprint() {
    return "sha256:" + sha256();
  }

  /** {@code AA:BB:…}: the SHA-256 digest of the DER encoding, as xapi's records carry it. */
  public String sha256() {
    return digest("SHA-256");
  }

  /** {@code AA:BB:…}: the SHA-1 digest, as {@code Certificate.fingerprint_sha1}. */
  public String sha1() {
    return digest("SHA-1");
  }

  public Instant notBefore() {
    return certificate.getNotBefore().toInstant();
  }

  public Instant notAfter() {
    return certificate.getNotAfter().toInstant();
  }

  private String digest(String algorithm) {
    try {
      byte[] digest = MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "SelfSignedCertificate[" + fingerprint() + "]";
  }
}
