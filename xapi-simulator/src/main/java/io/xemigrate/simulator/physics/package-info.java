/**
 * Migration physics in virtual time: a pure, deterministic, event-driven model of storage motion
 * and Xen's memory pre-copy (migration-physics.md §1 to §5). Nothing here reads a clock or does
 * I/O; callers pass the virtual time in nanoseconds.
 */
package io.xemigrate.simulator.physics;
