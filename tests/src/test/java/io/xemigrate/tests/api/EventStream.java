package io.xemigrate.tests.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A client of {@code /api/v1/events}: a thread reads lines into a queue the test waits on. */
final class EventStream implements AutoCloseable {
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private final Stream<String> body;
  final HttpResponse<Stream<String>> response;

  EventStream(ApiClient client, String path) throws Exception {
    HttpRequest request = client.request(path).GET().build();
    CompletableFuture<HttpResponse<Stream<String>>> answer =
        client.http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response = answer.get(30, TimeUnit.SECONDS);
    body = response.body();
    Thread reader =
        new Thread(
            () -> {
              try {
                body.forEach(lines::add);
              } catch (RuntimeException closed) {
                // The test closed the stream.
              }
            },
            "sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Waits for a line {@code wanted} accepts; every line read is kept in {@link #seen()}. */
  String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("no such event within " + timeout + "; saw " + seen);
      }
      seen.add(line);
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  List<String> seen() {
    return seen;
  }

  @Override
  public void close() {
    body.close();
  }
}
