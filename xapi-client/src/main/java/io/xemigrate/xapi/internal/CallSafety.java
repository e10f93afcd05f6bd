package io.xemigrate.xapi.internal;

import java.util.Set;
import java.util.regex.Pattern;

/** Whether a XenAPI call may be sent again after it may have reached the server. */
enum CallSafety {
  /** Reads, {@code event.from}, task reads: repeating them changes nothing. */
  REPEATABLE,
  /** Moves a VM or a disk, or mints a destination session: never sent twice; observe instead. */
  NEVER_RESEND,
  /** Anything else that changes state: sent again only if it certainly never left. */
  NOT_REPEATABLE;

  private static final Set<String> MOVES =
      Set.of("VM.migrate_send", "VM.pool_migrate", "VDI.pool_migrate", "host.migrate_receive");

  private static final Pattern READ =
      Pattern.compile(
          "[A-Za-z_]+\\.(get_[A-Za-z_]+|get_all|get_all_records|get_all_records_where|get_record"
              + "|get_by_uuid|get_by_name_label)");

  static CallSafety of(String method) {
    String plain = method.startsWith("Async.") ? method.substring("Async.".length()) : method;
    if (MOVES.contains(plain)) {
      return NEVER_RESEND;
    }
    if (method.equals("event.from") || READ.matcher(method).matches()) {
      return REPEATABLE;
    }
    return NOT_REPEATABLE;
  }
}
