package io.xemigrate.planner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One thing the pre-flight found about a move: xapi's verdict before xapi is asked.
 *
 * <p>Codes are xapi's own wherever xapi has one, with xapi's parameter list in xapi's order; object
 * references appear as UUIDs, because references mean nothing outside the session that issued them.
 * Codes xapi does not have are listed in {@link Codes} as xe-migrate's.
 *
 * @param severity whether xapi would refuse the move, or the administrator only needs to know
 * @param code the error code, for example {@code HOST_NOT_ENOUGH_FREE_MEMORY}
 * @param params the error's parameters, exactly as xapi lists them
 * @param objects the UUIDs of the objects concerned (VM, host, SR, VDI, VIF, network)
 * @param message one plain sentence saying what is wrong
 * @param remedy one plain sentence saying how to fix it
 */
public record Finding(
    Severity severity,
    String code,
    List<String> params,
    List<String> objects,
    String message,
    String remedy) {

  public Finding {
    params = List.copyOf(params);
    objects = List.copyOf(objects);
  }

  /** A finding that stops the move. */
  public static Finding blocker(
      String code, List<String> params, List<String> objects, String message, String remedy) {
    return new Finding(Severity.BLOCKER, code, params, objects, message, remedy);
  }

  /** A finding the administrator should read, which does not stop the move. */
  public static Finding warning(
      String code, List<String> params, List<String> objects, String message, String remedy) {
    return new Finding(Severity.WARNING, code, params, objects, message, remedy);
  }

  @JsonIgnore
  public boolean isBlocker() {
    return switch (severity) {
      case BLOCKER -> true;
      case WARNING -> false;
    };
  }

  /** The code and parameters as xapi prints them: {@code CODE [a; b]}. */
  public String signature() {
    return code + " [" + String.join("; ", params) + "]";
  }
}
