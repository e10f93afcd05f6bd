/**
 * Disk-copy time estimates for storage motion: pure arithmetic over byte counts and throughputs (no
 * I/O, no clock), used by the planner's predictor and scheduler.
 */
package io.xemigrate.storage.estimate;
