/**
 * The migration calls of the simulator: {@code host.migrate_receive}, {@code
 * VM.assert_can_migrate}, {@code VM.migrate_send}, {@code VM.pool_migrate}, {@code
 * VDI.pool_migrate}, evacuation and {@code VM.assert_can_boot_here}, with xapi's check order and
 * error parameters (docs/xapi-behaviour.md), driven by the physics engine in virtual time, and the
 * faults that can be injected into them.
 */
package io.xemigrate.simulator.migration;
