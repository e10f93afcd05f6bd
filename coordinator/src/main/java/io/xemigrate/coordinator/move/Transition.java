package io.xemigrate.coordinator.move;

/** The result of one step: the state to journal and the one action to run next. */
public record Transition(MoveState next, MoveAction action) {}
