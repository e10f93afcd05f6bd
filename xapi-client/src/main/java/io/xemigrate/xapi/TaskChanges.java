package io.xemigrate.xapi;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.xapi.model.Task;

/**
 * One {@code event.from} batch on the whole {@code task} class: the tasks that changed since the
 * previous token, by reference, and the token to pass next. One caller can follow every task of a
 * pool this way, instead of one {@code event.from} per task.
 *
 * @param token the token for the next call (not a secret)
 * @param changed the latest record of each changed task, by task reference
 * @param gone the references of tasks destroyed since the previous token
 */
public record TaskChanges(
    String token, ImmutableMap<String, Task> changed, ImmutableList<String> gone) {}
