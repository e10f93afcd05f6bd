/**
 * Migration physics in virtual time: a pure, deterministic, event-driven model of storage motion
 * and Xen's memory pre-copy (docs/migration-model.md). Nothing here reads a clock or does I/O;
 * callers pass the virtual time in nanoseconds.
 */
package io.xemigrate.simulator.physics;
