package io.xemigrate.plugin.bench;

import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.TaskChanges;
import io.xemigrate.xapi.TaskHandle;
import io.xemigrate.xapi.XapiException;
import io.xemigrate.xapi.model.Task;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Follows every task of a pool with one {@code event.from} loop on the {@code task} class and
 * completes a future per task when it ends. One follower for the whole batch, not one per move:
 * with hundreds of concurrent moves, a follower per move holds a connection and a server worker
 * each and wakes on every progress change of its task, so the client, not xapi, became the
 * bottleneck. A move's successors start from the completion event itself, with no polling.
 */
final class TaskWatch implements AutoCloseable {
  /** The longest single wait, in the simulator's virtual seconds; any change ends it sooner. */
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final PoolClient client;
  private final Map<String, CompletableFuture<Task>> waiting = new HashMap<>();
  private final Map<String, Task> ended = new HashMap<>();
  private final String firstToken;
  private volatile boolean closed;

  private TaskWatch(PoolClient client, String firstToken) {
    this.client = client;
    this.firstToken = firstToken;
  }

  /** Starts following; the first call takes the token, so no task started after it is missed. */
  static TaskWatch start(PoolClient client) {
    TaskWatch watch = new TaskWatch(client, client.taskChanges("", Duration.ZERO).token());
    Thread loop = new Thread(watch::follow, "bench-task-watch");
    loop.setDaemon(true);
    loop.start();
    return watch;
  }

  /** Completes with the task's final record, or exceptionally if the task disappears. */
  synchronized CompletableFuture<Task> ending(TaskHandle task) {
    Task done = ended.remove(task.ref());
    if (done != null) {
      return CompletableFuture.completedFuture(done);
    }
    return waiting.computeIfAbsent(task.ref(), ref -> new CompletableFuture<>());
  }

  private void follow() {
    String token = firstToken;
    while (!closed) {
      TaskChanges changes;
      try {
        changes = client.taskChanges(token, WAIT);
      } catch (XapiException e) {
        failAll(e);
        return;
      }
      token = changes.token();
      deliver(changes);
    }
  }

  private synchronized void deliver(TaskChanges changes) {
    changes
        .changed()
        .forEach(
            (ref, task) -> {
              if (task.status().isFinal()) {
                CompletableFuture<Task> future = waiting.remove(ref);
                if (future == null) {
                  ended.put(ref, task);
                } else {
                  future.complete(task);
                }
              }
            });
    for (String ref : changes.gone()) {
      CompletableFuture<Task> future = waiting.remove(ref);
      if (future != null) {
        future.completeExceptionally(new IllegalStateException("the task disappeared"));
      }
    }
  }

  private synchronized void failAll(XapiException e) {
    if (!closed) {
      waiting.values().forEach(future -> future.completeExceptionally(e));
      waiting.clear();
    }
  }

  /** Stops following; the loop ends when its current wait returns or its client closes. */
  @Override
  public void close() {
    closed = true;
  }
}
