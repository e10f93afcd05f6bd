package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Proves that Apache XML-RPC's response parser (CVE-2019-17570) is never loaded while the client
 * works, JSON-RPC and XML-RPC fallback and hostile fault included.
 *
 * <p>Method: the scenario runs in a fresh class loader over the test class path whose parent is the
 * platform loader, so every application class it touches is defined by that loader, and {@link
 * ClassLoader#findLoadedClass} (protected, hence the subclass) reports exactly which were loaded.
 * No agent, no {@code -verbose:class}, no reflection into the JDK. A control scenario through the
 * SDK's own transport shows the same check does see the parser when it is used.
 */
class ApacheParserNeverLoadedTest {
  private static final String PARSER = "org.apache.xmlrpc.parser.XmlRpcResponseParser";

  /** A class loader that can say which classes it defined. */
  static final class IsolatedLoader extends URLClassLoader {
    IsolatedLoader() {
      super(testClassPath(), ClassLoader.getPlatformClassLoader());
    }

    boolean hasLoaded(String name) {
      return findLoadedClass(name) != null;
    }

    String run(String scenario) throws Exception {
      Callable<?> callable =
          (Callable<?>) loadClass(scenario).getDeclaredConstructor().newInstance();
      return String.valueOf(callable.call());
    }

    private static URL[] testClassPath() {
      String path =
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      return Arrays.stream(path.split(File.pathSeparator))
          .filter(entry -> !entry.isBlank())
          .map(
              entry -> {
                try {
                  return new File(entry).toURI().toURL();
                } catch (MalformedURLException e) {
                  throw new IllegalStateException(e);
                }
              })
          .toArray(URL[]::new);
    }
  }

  @Test
  void theClientNeverLoadsApacheXmlRpcsResponseParser() throws Exception {
    try (IsolatedLoader loader = new IsolatedLoader()) {
      String outcome = loader.run("io.xemigrate.xapi.testing.ClientScenario");

      assertThat(outcome).isEqualTo("true true XE_BAD_RESPONSE");
      assertThat(loader.hasLoaded("io.xemigrate.xapi.internal.XmlRpcReader")).isTrue();
      assertThat(loader.hasLoaded("com.xensource.xenapi.Connection")).isTrue();
      assertThat(loader.hasLoaded(PARSER)).isFalse();
    }
  }

  @Test
  void controlTheSdksOwnTransportDoesLoadIt() throws Exception {
    try (IsolatedLoader loader = new IsolatedLoader()) {
      loader.run("io.xemigrate.xapi.testing.StockSdkScenario");

      assertThat(loader.hasLoaded(PARSER)).isTrue();
    }
  }
}
