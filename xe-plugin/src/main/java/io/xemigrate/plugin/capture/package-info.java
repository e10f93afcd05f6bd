/**
 * {@code sim-capture}: a simulator scenario from a live pool (inventory through XenAPI, hidden
 * workloads from its RRD history), so that an operator can rehearse a plan on a copy of the pool.
 */
package io.xemigrate.plugin.capture;
