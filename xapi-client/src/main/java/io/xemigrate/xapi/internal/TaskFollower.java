package io.xemigrate.xapi.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.xensource.xenapi.Event;
import com.xensource.xenapi.EventBatch;
import com.xensource.xenapi.Types;
import io.xemigrate.xapi.CancellationSignal;
import io.xemigrate.xapi.TaskChanges;
import io.xemigrate.xapi.TaskHandle;
import io.xemigrate.xapi.TaskProgressListener;
import io.xemigrate.xapi.XapiErrors;
import io.xemigrate.xapi.XapiEventListener;
import io.xemigrate.xapi.model.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Follows one task through {@code event.from} on {@code task/<ref>}: the first call (token "")
 * returns the task's current record, later ones block until it changes. No polling.
 */
final class TaskFollower {
  private final SdkConnection connection;
  private final SessionCaller session;
  private final XapiEventListener listener;

  TaskFollower(SdkConnection connection, SessionCaller session, XapiEventListener listener) {
    this.connection = connection;
    this.session = session;
    this.listener = listener;
  }

  Task await(
      TaskHandle handle,
      TaskProgressListener progress,
      CancellationSignal cancel,
      Duration wait,
      Predicate<TaskHandle> cancelTask) {
    String token = "";
    boolean cancelAsked = false;
    double lastProgress = -1;
    while (true) {
      if (!cancelAsked && cancel.cancelRequested()) {
        cancelAsked = true;
        // When no longer cancellable the task is followed to its end all the same.
        listener.taskCancel(handle.operation(), cancelTask.test(handle));
      }
      boolean first = token.isEmpty();
      EventBatch batch = from(handle, token, wait);
      token = batch.token;
      // From "" event.from returns every live object subscribed to: a task missing from the first
      // batch is already gone (a toolstack restart or a new master), and no later event will say
      // so. Waiting on would wait forever.
      if (first && batch.events.stream().noneMatch(event -> handle.ref().equals(event.ref))) {
        throw XapiErrors.client(
            handle.operation(), XapiErrors.TASK_LOST, "the task disappeared", null);
      }
      for (Event.Record event : batch.events) {
        if (!handle.ref().equals(event.ref)) {
          continue;
        }
        if (event.operation == Types.EventOperation.DEL || event.snapshot == null) {
          throw XapiErrors.client(
              handle.operation(), XapiErrors.TASK_LOST, "the task disappeared", null);
        }
        com.xensource.xenapi.Task.Record record = (com.xensource.xenapi.Task.Record) event.snapshot;
        Task task = toModel(handle, record);
        if (task.progress() != lastProgress) {
          lastProgress = task.progress();
          progress.progress(lastProgress);
          listener.taskProgress(task.uuid(), handle.operation(), lastProgress);
        }
        if (task.status().isFinal()) {
          return task;
        }
      }
    }
  }

  /** One {@code event.from} on the whole task class; see {@code PoolClient.taskChanges}. */
  TaskChanges changes(String token, Duration wait) {
    SdkConnection.EXTRA_WAIT.set(wait);
    EventBatch batch;
    try {
      batch =
          SdkCall.run(
              "event.from",
              () -> Event.from(connection, Set.of("task"), token, (double) wait.toSeconds()));
    } finally {
      SdkConnection.EXTRA_WAIT.remove();
    }
    Map<String, Task> changed = new LinkedHashMap<>();
    List<String> gone = new ArrayList<>();
    for (Event.Record event : batch.events) {
      if (event.operation == Types.EventOperation.DEL || event.snapshot == null) {
        changed.remove(event.ref);
        gone.add(event.ref);
      } else {
        com.xensource.xenapi.Task.Record record = (com.xensource.xenapi.Task.Record) event.snapshot;
        changed.put(event.ref, toModel(new TaskHandle(event.ref, "task"), record));
      }
    }
    return new TaskChanges(batch.token, ImmutableMap.copyOf(changed), ImmutableList.copyOf(gone));
  }

  private EventBatch from(TaskHandle handle, String token, Duration wait) {
    SdkConnection.EXTRA_WAIT.set(wait);
    try {
      return SdkCall.run(
          "event.from",
          () ->
              Event.from(
                  connection, Set.of("task/" + handle.ref()), token, (double) wait.toSeconds()));
    } finally {
      SdkConnection.EXTRA_WAIT.remove();
    }
  }

  private Task toModel(TaskHandle handle, com.xensource.xenapi.Task.Record record) {
    Task.Status status = status(record.status);
    ImmutableList<String> errorInfo =
        status == Task.Status.FAILURE || status == Task.Status.CANCELLED
            ? errorInfo(handle)
            : ImmutableList.of();
    return new Task(
        Fields.str(record.uuid),
        Fields.str(record.nameLabel),
        status,
        record.progress == null ? 0 : record.progress,
        Fields.str(record.result),
        errorInfo,
        Optional.ofNullable(record.created).map(java.util.Date::toInstant),
        Optional.ofNullable(record.finished).map(java.util.Date::toInstant));
  }

  /** Read raw: the SDK turns error_info into a Set, which drops repeated parameters. */
  private ImmutableList<String> errorInfo(TaskHandle handle) {
    Object raw =
        session.call(
            "task.get_error_info",
            new Object[] {session.sessionReference(), handle.ref()},
            Duration.ZERO);
    List<String> values = new ArrayList<>();
    if (raw instanceof Object[] array) {
      for (Object value : array) {
        values.add(String.valueOf(value));
      }
    }
    return ImmutableList.copyOf(values);
  }

  private static Task.Status status(Types.TaskStatusType status) {
    if (status == null) {
      return Task.Status.PENDING;
    }
    return switch (status) {
      case PENDING, UNRECOGNIZED -> Task.Status.PENDING;
      case SUCCESS -> Task.Status.SUCCESS;
      case FAILURE -> Task.Status.FAILURE;
      case CANCELLING -> Task.Status.CANCELLING;
      case CANCELLED -> Task.Status.CANCELLED;
    };
  }
}
