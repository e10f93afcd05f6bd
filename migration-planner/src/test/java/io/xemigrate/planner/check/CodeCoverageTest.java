package io.xemigrate.planner.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.Codes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Every code the planner can emit has its row in {@link CheckTableTest}. */
class CodeCoverageTest {

  @Test
  void everyCodeHasATableRow() throws IllegalAccessException {
    Set<String> declared = new TreeSet<>();
    for (Field field : Codes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        declared.add((String) field.get(null));
      }
    }
    Set<String> tested = new TreeSet<>();
    CheckTableTest.rows().map(Arguments::get).forEach(row -> tested.add((String) row[2]));
    // Asserted by cbtAndEncryptionBlockADiskThatMoves, which needs two disks at once.
    tested.add(Codes.VDI_CBT_ENABLED);
    tested.add(Codes.VDI_IS_ENCRYPTED);
    // A balance's findings, not a move's: asserted by BalancerTest (package balance).
    tested.add(Codes.BALANCE_THRESHOLD_UNMET);
    tested.add(Codes.ANTI_AFFINITY_UNMET);
    tested.add(Codes.AFFINITY_UNMET);
    tested.add(Codes.BALANCE_MAX_MOVES_REACHED);
    tested.add(Codes.BALANCE_RULE_UNKNOWN_NAME);

    assertThat(tested).containsAll(declared);
  }
}
