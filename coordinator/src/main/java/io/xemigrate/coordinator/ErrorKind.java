package io.xemigrate.coordinator;

/**
 * What kind of refusal or failure a {@link CoordinatorException} is. The front ends map each kind
 * once: the command line to an exit code, the HTTP API to a status code.
 */
public enum ErrorKind {
  /** The request is wrong (a parameter, a file, a name): the caller must change it. */
  BAD_REQUEST,
  /** What the request names does not exist (a run, a plan, a job). */
  NOT_FOUND,
  /** The request clashes with the current state (a pool held by another run, a run that ended). */
  CONFLICT,
  /** A pool could not be reached or refused us (unreachable, TLS pin mismatch, credentials). */
  POOL_UNREACHABLE,
  /** The journal or the daemon's database could not be read or written. */
  STORAGE
}
