/**
 * A XenAPI server that models pools, hosts, VMs, storage and migration physics in virtual time. It
 * depends on no other xe-migrate module: its checks are written from xapi's behaviour, so that a
 * planner bug cannot hide behind the same bug here.
 */
package io.xemigrate.simulator;
