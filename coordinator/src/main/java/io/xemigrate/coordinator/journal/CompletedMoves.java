package io.xemigrate.coordinator.journal;

import com.google.common.collect.ImmutableList;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What finished moves measured (table {@code completed_moves}: bytes, seconds, downtime), the data
 * the predictor is calibrated with.
 */
final class CompletedMoves {
  private final JournalDatabase database;

  CompletedMoves(JournalDatabase database) {
    this.database = database;
  }

  public void recordCompleted(CompletedMove move) {
    database.inTransaction(
        () -> {
          try (PreparedStatement insert =
              database
                  .connection()
                  .prepareStatement(
                      "INSERT INTO completed_moves VALUES (?, ?, ?, ?, ?, ?, ?)"
                          + " ON CONFLICT (run_id, vm_uuid) DO UPDATE SET"
                          + " source_host = excluded.source_host,"
                          + " destination_host = excluded.destination_host,"
                          + " bytes_sent = excluded.bytes_sent, seconds = excluded.seconds,"
                          + " downtime_ms = excluded.downtime_ms")) {
            insert.setString(1, move.runId());
            insert.setString(2, move.vmUuid());
            insert.setString(3, move.sourceHostUuid());
            insert.setString(4, move.destinationHostUuid());
            insert.setLong(5, move.bytesSent());
            insert.setDouble(6, move.seconds());
            if (move.downtimeMillis().isPresent()) {
              insert.setDouble(7, move.downtimeMillis().getAsDouble());
            } else {
              insert.setNull(7, Types.DOUBLE);
            }
            insert.executeUpdate();
          }
        });
  }

  /** Completed moves, for calibrating the predictor. */
  public ImmutableList<CompletedMove> completedMoves() {
    return database.query(
        "SELECT * FROM completed_moves ORDER BY run_id, vm_uuid",
        rows -> {
          List<CompletedMove> moves = new ArrayList<>();
          while (rows.next()) {
            moves.add(
                new CompletedMove(
                    rows.getString("run_id"),
                    rows.getString("vm_uuid"),
                    rows.getString("source_host"),
                    rows.getString("destination_host"),
                    rows.getLong("bytes_sent"),
                    rows.getDouble("seconds"),
                    downtime(rows)));
          }
          return ImmutableList.copyOf(moves);
        });
  }

  private static OptionalDouble downtime(ResultSet rows) throws SQLException {
    double value = rows.getDouble("downtime_ms");
    return rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}
