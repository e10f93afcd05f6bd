package io.xemigrate.planner.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A plan's fingerprint: {@code sha256:} and the hex SHA-256 of its canonical JSON. */
public final class PlanHash {
  private PlanHash() {}

  public static String of(MigrationPlan plan) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest(PlanJson.canonical(plan).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
