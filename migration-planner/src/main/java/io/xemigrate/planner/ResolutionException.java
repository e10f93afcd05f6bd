package io.xemigrate.planner;

import java.util.List;

/**
 * A request named something that does not exist, or a name that several objects share.
 *
 * <p>Unchecked: it is bad input, which the command line turns into exit code 2.
 */
public final class ResolutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ResolutionError error;
  private final String query;
  private final List<String> candidates;

  public ResolutionException(ResolutionError error, String query, List<String> candidates) {
    super(describe(error, query, candidates));
    this.error = error;
    this.query = query;
    this.candidates = List.copyOf(candidates);
  }

  public ResolutionError error() {
    return error;
  }

  /** What the user typed. */
  public String query() {
    return query;
  }

  /** For an ambiguous name, the UUIDs that carry it, in UUID order. */
  public List<String> candidates() {
    return candidates;
  }

  private static String describe(ResolutionError error, String query, List<String> candidates) {
    return switch (error) {
      case UNKNOWN_VM, UNKNOWN_HOST, UNKNOWN_SR, UNKNOWN_NETWORK, UNKNOWN_VDI, UNKNOWN_VIF ->
          error + ": nothing has the UUID or name '" + query + "'";
      case AMBIGUOUS_VM_NAME, AMBIGUOUS_HOST_NAME, AMBIGUOUS_SR_NAME, AMBIGUOUS_NETWORK_NAME ->
          error + ": '" + query + "' names " + candidates.size() + " objects: " + candidates;
      case INVALID_REQUEST -> error + ": " + query;
    };
  }
}
