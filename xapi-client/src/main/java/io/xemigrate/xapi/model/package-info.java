/**
 * The SDK-free, immutable picture of a pool that xapi-client hands to the rest of xe-migrate.
 *
 * <p>Every object is identified by its UUID, never by an opaque reference: references are only
 * meaningful to the pool (and the session) that issued them, UUIDs are stable and, for a VM, even
 * survive a cross-pool move. xapi-client keeps the UUID-to-reference index internally. Collections
 * are Guava immutable collections, whose iteration order is the insertion order, so the planner's
 * output does not depend on hash seeds.
 */
package io.xemigrate.xapi.model;
