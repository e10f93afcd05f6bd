package io.xemigrate.xapi.testing;

import com.sun.net.httpserver.HttpServer;
import com.xensource.xenapi.Connection;
import com.xensource.xenapi.Session;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The control: the SDK's own transport (Apache XML-RPC) against a plain XML-RPC server. It does
 * load {@code XmlRpcResponseParser}, which shows the detection in the isolated loader works.
 */
public final class StockSdkScenario implements Callable<String> {
  @Override
  public String call() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] answer =
        WireFormats.xmlSuccess(Map.of())
            .replace("<struct></struct>", "<string>OpaqueRef:s</string>")
            .getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "text/xml");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    try {
      Connection connection =
          new Connection(new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
      Session.loginWithPassword(connection, "user", "password");
      return "answered";
    } catch (Exception e) {
      return "failed after parsing: " + e.getClass().getSimpleName();
    } finally {
      server.stop(0);
    }
  }
}
