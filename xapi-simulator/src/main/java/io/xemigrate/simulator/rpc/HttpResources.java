package io.xemigrate.simulator.rpc;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plain HTTP GET handlers a host serves beside XenAPI (xapi's {@code /rrd_updates} and the
 * like), by path. Registered once per pool; every host endpoint of the pool serves them.
 */
public final class HttpResources {
  private final Map<String, Resource> byPath = new ConcurrentHashMap<>();

  /** A GET handler; runs on a worker, never on the event loop. */
  @FunctionalInterface
  public interface Resource {
    Answer get(String hostRef, Map<String, List<String>> query);
  }

  /** An HTTP answer: status, content type, body and extra headers. */
  public record Answer(
      int status, String contentType, byte[] body, ImmutableMap<String, String> headers) {

    public static Answer ok(String contentType, byte[] body) {
      return new Answer(200, contentType, body, ImmutableMap.of());
    }
  }

  public void register(String path, Resource resource) {
    byPath.put(path, resource);
  }

  public Optional<Resource> find(String path) {
    return Optional.ofNullable(byPath.get(path));
  }
}
