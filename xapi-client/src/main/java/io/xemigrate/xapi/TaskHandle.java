package io.xemigrate.xapi;

/**
 * An asynchronous XenAPI task started by this client.
 *
 * @param ref the task's reference in the pool that runs it (not a secret; meaningless elsewhere)
 * @param operation the call that started it, for example {@code Async.VM.migrate_send}
 */
public record TaskHandle(String ref, String operation) {}
