/**
 * Orders and paces a batch of moves under xapi's concurrency limits and the bandwidth of each
 * host's transfer NIC, simulating the shared links event by event (max-min fair sharing), and
 * computes the same figures for the baselines (xapi's evacuate, Xen Orchestra, one at a time).
 * Pure: no I/O, no clock, no threads; time is data (seconds from the start of the batch).
 */
package io.xemigrate.planner.schedule;
