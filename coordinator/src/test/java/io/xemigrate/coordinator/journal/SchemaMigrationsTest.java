package io.xemigrate.coordinator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {
  @TempDir Path dir;

  private static final List<SchemaMigrations.Step> TWO_STEPS =
      List.of(
          SchemaMigrations.statements("CREATE TABLE t (a TEXT)"),
          SchemaMigrations.statements("ALTER TABLE t ADD COLUMN b TEXT"));

  @Test
  void eachStepRunsOnceAndTheVersionIsKeptPerComponent() throws SQLException {
    try (Connection connection = open()) {
      assertThat(SchemaMigrations.applyImmediately(connection, "one", TWO_STEPS)).isEqualTo(2);
      // A second open runs nothing: ALTER TABLE twice would fail on the duplicate column.
      assertThat(SchemaMigrations.applyImmediately(connection, "one", TWO_STEPS)).isEqualTo(2);
      assertThat(SchemaMigrations.version(connection, "one")).isEqualTo(2);
      assertThat(SchemaMigrations.version(connection, "other")).isZero();
    }
  }

  @Test
  void aNewStepAtTheEndRunsOnAFileAtTheOldVersion() throws SQLException {
    try (Connection connection = open()) {
      SchemaMigrations.applyImmediately(connection, "one", TWO_STEPS.subList(0, 1));
      assertThat(SchemaMigrations.applyImmediately(connection, "one", TWO_STEPS)).isEqualTo(2);
      try (Statement statement = connection.createStatement();
          ResultSet columns = statement.executeQuery("PRAGMA table_info(t)")) {
        int count = 0;
        while (columns.next()) {
          count++;
        }
        assertThat(count).isEqualTo(2);
      }
    }
  }

  @Test
  void aFailingStepLeavesNothingHalfDone() throws SQLException {
    try (Connection connection = open()) {
      List<SchemaMigrations.Step> broken =
          List.of(TWO_STEPS.get(0), SchemaMigrations.statements("ALTER TABLE missing ADD x"));
      assertThatThrownBy(() -> SchemaMigrations.applyImmediately(connection, "one", broken))
          .isInstanceOf(SQLException.class);
      // Step 1 was rolled back with step 2: it runs again, and CREATE TABLE t does not fail.
      assertThat(SchemaMigrations.applyImmediately(connection, "one", TWO_STEPS.subList(0, 1)))
          .isEqualTo(1);
    }
  }

  private Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db.sqlite"));
  }
}
