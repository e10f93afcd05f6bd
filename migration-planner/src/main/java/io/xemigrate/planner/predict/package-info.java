/**
 * Predicts one move: disk-copy time, pre-copy rounds, bytes sent, total time and downtime under
 * Xen's stop rules, from the VM's populated memory, its dirty-rate estimate and the bandwidth it
 * gets. Pure: no I/O, no clock, no threads. The model is written out in the module README
 * ("Prediction model").
 */
package io.xemigrate.planner.predict;
