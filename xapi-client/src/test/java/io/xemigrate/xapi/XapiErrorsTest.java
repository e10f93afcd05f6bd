package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classification table and the catalog. */
class XapiErrorsTest {

  @ParameterizedTest
  @CsvSource({
    "VM_BAD_POWER_STATE, PRECONDITION, false",
    "VDI_CBT_ENABLED, PRECONDITION, false",
    "TOO_MANY_STORAGE_MIGRATES, TRANSIENT, true",
    "OTHER_OPERATION_IN_PROGRESS, TRANSIENT, true",
    "SESSION_INVALID, AUTH, false",
    "HANDLE_INVALID, NOT_FOUND, false",
    "VM_MIGRATE_FAILED, EXTERNAL, false",
    "SR_BACKEND_FAILURE_44, EXTERNAL, false",
    "XE_OUTCOME_UNKNOWN, EXTERNAL, false",
    "SOMETHING_NEW, INTERNAL, false"
  })
  void classifiesCodes(String code, XapiErrorKind kind, boolean retryable) {
    XapiErrorCode classified = XapiErrors.classify(code);
    assertThat(classified.kind()).isEqualTo(kind);
    assertThat(classified.retryable()).isEqualTo(retryable);
  }

  @Test
  void keepsTheRawParameters() {
    XapiException e =
        XapiErrors.fromErrorDescription(
            "VM.assert_can_migrate",
            List.of("VM_BAD_POWER_STATE", "OpaqueRef:vm", "halted", "halted"));
    assertThat(e.parameters()).containsExactly("OpaqueRef:vm", "halted", "halted");
    assertThat(e.getMessage())
        .isEqualTo("VM.assert_can_migrate: VM_BAD_POWER_STATE [OpaqueRef:vm, halted, halted]");
  }

  @Test
  void redactsSessionsQuotedInFailureTexts() {
    XapiException e =
        XapiErrors.fromErrorDescription(
            "VM.migrate_send",
            List.of(
                "INTERNAL_ERROR",
                "connect to http://10.0.0.2/services/xenops?session_id=OpaqueRef:abc-123 failed"));
    assertThat(e.parameters())
        .containsExactly("connect to http://10.0.0.2/services/xenops?session_id=<redacted> failed");
  }

  @Test
  void explainsAMigrationCodeWithARemedy() {
    assertThat(XapiErrorCatalog.explain("VDI_CBT_ENABLED", List.of("disk-7")))
        .isEqualTo(
            "Changed block tracking is enabled on disk disk-7; xapi will not move such a disk."
                + " Remedy: Disable changed block tracking on disk disk-7 (VDI.disable_cbt); the"
                + " next backup of this disk will be a full one.");
  }

  @Test
  void everyCatalogEntryIsAClassifiedCode() {
    for (String code :
        List.of(
            "VDI_CBT_ENABLED",
            "VDI_NOT_IN_MAP",
            "VIF_NOT_IN_MAP",
            "SR_DOES_NOT_SUPPORT_MIGRATION",
            "VM_INCOMPATIBLE_WITH_THIS_HOST",
            "HOST_NOT_ENOUGH_FREE_MEMORY",
            "VM_LACKS_FEATURE",
            "TOO_MANY_STORAGE_MIGRATES",
            "MIRROR_FAILED")) {
      assertThat(XapiErrorCatalog.entry(code)).as(code).isPresent();
      assertThat(XapiErrors.classify(code).kind()).as(code).isNotEqualTo(XapiErrorKind.INTERNAL);
    }
  }
}
