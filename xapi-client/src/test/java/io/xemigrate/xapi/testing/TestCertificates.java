package io.xemigrate.xapi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed server certificates for test servers, made once per JVM with the JDK's keytool (no
 * test-only crypto library needed).
 */
public final class TestCertificates {
  private static final char[] PASSWORD = "test-keystore".toCharArray();
  private static final ConcurrentHashMap<String, TestCertificates> CACHE =
      new ConcurrentHashMap<>();

  private final SSLContext serverContext;
  private final String sha256;

  private TestCertificates(SSLContext serverContext, String sha256) {
    this.serverContext = serverContext;
    this.sha256 = sha256;
  }

  /** The certificate named {@code name} (a different name gives a different key). */
  public static TestCertificates named(String name) {
    return CACHE.computeIfAbsent(name, TestCertificates::generate);
  }

  public SSLContext serverContext() {
    return serverContext;
  }

  /** SHA-256 of the certificate, upper-case hex with colons. */
  public String sha256() {
    return sha256;
  }

  private static TestCertificates generate(String name) {
    try {
      Path dir = Files.createTempDirectory("xe-migrate-cert");
      Path keystore = dir.resolve(name + ".p12");
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process process =
          new ProcessBuilder(
                  keytool.toString(),
                  "-genkeypair",
                  "-alias",
                  "server",
                  "-keyalg",
                  "EC",
                  "-groupname",
                  "secp256r1",
                  "-dname",
                  "CN=" + name,
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  keystore.toString(),
                  "-storepass",
                  new String(PASSWORD))
              .redirectErrorStream(true)
              .start();
      process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed");
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        store.load(in, PASSWORD);
      }
      KeyManagerFactory keys = KeyManagerFactory.getInstance("SunX509");
      keys.init(store, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      X509Certificate certificate = (X509Certificate) store.getCertificate("server");
      String fingerprint =
          HexFormat.ofDelimiter(":")
              .withUpperCase()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
      return new TestCertificates(context, fingerprint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test certificate", e);
    }
  }
}
