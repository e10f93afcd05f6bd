package io.xemigrate.simulator.rpc;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import io.xemigrate.simulator.wire.XmlRpcWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task model of docs/xapi-behaviour.md#task-model: create pending, report progress, then
 * complete, fail or cancel exactly as {@code TaskHelper} does. Cancellation is cooperative: {@code
 * Task.cancel} records the request, and the worker calls {@link #throwIfCancelling} at its
 * check-points.
 */
public final class Tasks {
  private final ObjectStore store;
  private final Map<String, String> owners = new ConcurrentHashMap<>();

  public Tasks(ObjectStore store) {
    this.store = store;
  }

  /**
   * Remembers which session made a task: anyone may cancel their own tasks
   * (docs/failure-semantics.md#roles).
   */
  public void recordOwner(String task, String sessionRef) {
    owners.put(task, sessionRef);
  }

  public Optional<String> owner(String task) {
    return Optional.ofNullable(owners.get(task));
  }

  /** Whether {@code session} owns a task still pending (such sessions survive the caps). */
  public boolean hasPendingTask(String session) {
    return owners.entrySet().stream()
        .filter(e -> e.getValue().equals(session))
        .anyMatch(
            e ->
                store
                    .find(XapiClass.TASK, e.getKey())
                    .map(t -> t.string("status").equals("pending"))
                    .orElse(false));
  }

  /** A new pending task; {@code name} is the wire name, e.g. {@code Async.VM.migrate_send}. */
  public String create(String name, String description, String hostRef, boolean cancellable) {
    return store.create(
        XapiClass.TASK,
        ImmutableMap.<String, Object>builder()
            .put("uuid", UUID.randomUUID().toString())
            .put("name_label", name)
            .put("name_description", description)
            .put(
                "allowed_operations", cancellable ? ImmutableList.of("cancel") : ImmutableList.of())
            .put("created", store.now())
            .put("status", "pending")
            .put("resident_on", hostRef)
            .put("progress", 0.0)
            .put("type", "<none/>")
            .buildOrThrow());
  }

  public void progress(String task, double progress) {
    store.set(XapiClass.TASK, task, "progress", Math.max(0.0, Math.min(1.0, progress)));
  }

  /**
   * Whether the task may still be cancelled; migrate_send clears this at its point of no return.
   */
  public void setCancellable(String task, boolean cancellable) {
    store.set(
        XapiClass.TASK,
        task,
        "allowed_operations",
        cancellable ? ImmutableList.of("cancel") : ImmutableList.of());
  }

  /** Success: {@code result} is the call's return value, stored in its XML-RPC encoding. */
  public void complete(String task, Object result) {
    store.update(
        XapiClass.TASK,
        task,
        ImmutableMap.of(
            "allowed_operations", ImmutableList.of(),
            "finished", store.now(),
            "progress", 1.0,
            "result", XmlRpcWriter.encode(result),
            "status", "success"));
  }

  /** Failure; {@code TASK_CANCELLED} makes the status {@code cancelled}. */
  public void fail(String task, XapiException error) {
    String status = error.code().equals("TASK_CANCELLED") ? "cancelled" : "failure";
    store.update(
        XapiClass.TASK,
        task,
        ImmutableMap.of(
            "progress",
            1.0,
            "error_info",
            error.description(),
            "backtrace",
            "()",
            "finished",
            store.now(),
            "allowed_operations",
            ImmutableList.of(),
            "status",
            status));
  }

  /**
   * Records a cancel request, or {@code OPERATION_NOT_ALLOWED} when the task cannot be cancelled.
   */
  public void requestCancel(String task, String callerTask) {
    store.transact(
        () -> {
          XapiRecord record = store.get(XapiClass.TASK, task);
          if (!record.strings("allowed_operations").contains("cancel")) {
            throw XapiException.of(
                "OPERATION_NOT_ALLOWED", "Task " + record.uuid() + " cannot be cancelled");
          }
          ImmutableMap<String, Object> operations =
              ImmutableMap.<String, Object>builder()
                  .putAll(record.map("current_operations"))
                  .put(Refs.isNull(callerTask) ? Refs.fresh() : callerTask, "cancel")
                  .buildKeepingLast();
          store.set(XapiClass.TASK, task, "current_operations", operations);
        });
  }

  public boolean isCancelling(String task) {
    return store
        .find(XapiClass.TASK, task)
        .map(r -> r.map("current_operations").containsValue("cancel"))
        .orElse(false);
  }

  /** A worker's check-point: {@code TASK_CANCELLED [task]} once a cancel was requested. */
  public void throwIfCancelling(String task) {
    if (isCancelling(task)) {
      throw XapiException.of("TASK_CANCELLED", task);
    }
  }

  /** {@code Task.destroy}: removes a finished task; a pending one only records the request. */
  public void destroy(String task) {
    store.transact(
        () -> {
          XapiRecord record = store.get(XapiClass.TASK, task);
          if (record.string("status").equals("pending")) {
            List<Object> ops = new ArrayList<>(record.map("current_operations").values());
            if (!ops.contains("destroy")) {
              store.set(
                  XapiClass.TASK,
                  task,
                  "current_operations",
                  ImmutableMap.<String, Object>builder()
                      .putAll(record.map("current_operations"))
                      .put(Refs.fresh(), "destroy")
                      .buildKeepingLast());
            }
          } else {
            store.destroy(XapiClass.TASK, task);
            owners.remove(task);
          }
        });
  }
}
