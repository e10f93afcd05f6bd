package io.xemigrate.tests.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The packaged xapi host plugin ({@code plugins/xapi/xe-migrate}) run by this machine's {@code
 * python3}: from the command line, or the way xapi runs it (one argument, the XML-RPC call; a
 * stand-in {@code XenAPIPlugin} module on {@code PYTHONPATH}).
 */
final class HostPlugin {
  static final Path SCRIPT =
      Path.of("..", "packaging", "src", "dist", "plugins", "xapi", "xe-migrate");

  private final Path config;
  private final Path work;

  /**
   * @param config the host-plugin.conf the plugin reads (through its environment variable)
   * @param work a folder for output files and the stand-in module
   */
  HostPlugin(Path config, Path work) {
    this.config = config;
    this.work = work;
  }

  /** What one run printed and how it ended. */
  record Result(int exitCode, String out, String err) {}

  /** What xapi would answer: Success with the string, or Failure with the error description. */
  record XapiAnswer(String status, String value, List<String> errorDescription) {}

  static boolean pythonPresent() {
    try {
      Process process =
          new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Writes a host-plugin.conf with the daemon's URL and a token file beside it. */
  static Path writeConfig(Path folder, String url, String token, String... extraLines)
      throws IOException {
    Path tokenFile = privateFile(folder.resolve("api-token"), token);
    List<String> lines = new ArrayList<>(List.of("# written by the test", "url = " + url));
    lines.add("token_file = " + tokenFile.toAbsolutePath());
    lines.addAll(List.of(extraLines));
    return Files.write(folder.resolve("host-plugin.conf"), lines);
  }

  /** A token file as an administrator writes it: one line, mode 0600. */
  static Path privateFile(Path file, String token) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    return Files.writeString(file, token + "\n");
  }

  /** {@code python3 xe-migrate FUNCTION key=value ...}. */
  Result run(String... args) {
    List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
    command.addAll(List.of(args));
    return start(command, false);
  }

  /** As xapi runs it for {@code xe host-call-plugin ... fn=FUNCTION args:key=value}. */
  XapiAnswer callAsXapi(String function, Map<String, String> args, String session) {
    StringBuilder call = new StringBuilder("<?xml version='1.0'?>\n<methodCall><methodName>");
    call.append(escape(function)).append("</methodName><params><param><value><string>");
    call.append(escape(session)).append("</string></value></param><param><value><struct>");
    args.forEach(
        (key, value) ->
            call.append("<member><name>")
                .append(escape(key))
                .append("</name><value><string>")
                .append(escape(value))
                .append("</string></value></member>"));
    call.append("</struct></value></param></params></methodCall>\n");
    Result result = start(List.of("python3", SCRIPT.toString(), call.toString()), true);
    if (result.exitCode() != 0) {
      throw new AssertionError("the plugin failed as xapi would see it: " + result.err());
    }
    return parse(result.out());
  }

  private Result start(List<String> command, boolean asXapi) {
    try {
      Path out = Files.createTempFile(work, "out", ".txt");
      Path err = Files.createTempFile(work, "err", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("XE_MIGRATE_HOST_PLUGIN_CONF", config.toString());
      builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
      builder.environment().remove("PYTHONPATH");
      if (asXapi) {
        builder.environment().put("PYTHONPATH", standInModule().toString());
      }
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the host plugin did not end: " + command);
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private Path standInModule() throws IOException {
    Path folder = Files.createDirectories(work.resolve("xapi-python"));
    try (InputStream module = HostPlugin.class.getResourceAsStream("/xapi/XenAPIPlugin.py")) {
      Files.write(folder.resolve("XenAPIPlugin.py"), module.readAllBytes());
    }
    return folder;
  }

  private static XapiAnswer parse(String response) {
    try {
      Document document =
          XenCenterPluginFile.builder()
              .parse(new java.io.ByteArrayInputStream(response.getBytes(StandardCharsets.UTF_8)));
      String status = "";
      String value = "";
      List<String> errors = new ArrayList<>();
      NodeList members = document.getElementsByTagName("member");
      for (int i = 0; i < members.getLength(); i++) {
        Element member = (Element) members.item(i);
        String name = member.getElementsByTagName("name").item(0).getTextContent();
        Node content = member.getElementsByTagName("value").item(0);
        switch (name) {
          case "Status" -> status = content.getTextContent().trim();
          case "Value" -> value = content.getTextContent();
          case "ErrorDescription" -> {
            NodeList strings = ((Element) content).getElementsByTagName("string");
            for (int s = 0; s < strings.getLength(); s++) {
              errors.add(strings.item(s).getTextContent());
            }
          }
          default -> throw new AssertionError("unexpected member " + name + " in " + response);
        }
      }
      return new XapiAnswer(status, value, errors);
    } catch (Exception e) {
      throw new AssertionError("not an XML-RPC response: " + response, e);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
