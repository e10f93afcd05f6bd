package io.xemigrate.daemon;

import java.util.concurrent.CompletableFuture;

/** A job run this daemon started: its id, and its status once it has ended. */
public record JobRunHandle(String id, CompletableFuture<JobRunStatus> done) {}
