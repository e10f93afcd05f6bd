package io.xemigrate.xapi;

import static io.xemigrate.xapi.XapiErrorKind.AUTH;
import static io.xemigrate.xapi.XapiErrorKind.EXTERNAL;
import static io.xemigrate.xapi.XapiErrorKind.INTERNAL;
import static io.xemigrate.xapi.XapiErrorKind.NOT_FOUND;
import static io.xemigrate.xapi.XapiErrorKind.PRECONDITION;
import static io.xemigrate.xapi.XapiErrorKind.TRANSIENT;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import java.util.List;

/**
 * The one table that classifies XenAPI error codes, and the one place where failures from the SDK
 * and the transport become {@link XapiException}s.
 *
 * <p>Codes come from xapi's {@code ocaml/xapi-consts/api_errors.ml}
 * (docs/xapi-behaviour.md#error-codes). A code missing from the table is {@link
 * XapiErrorKind#INTERNAL}: an answer we did not expect.
 */
public final class XapiErrors {
  /** The transport failed before the request could have reached the server. */
  public static final String TRANSPORT = "XE_TRANSPORT";

  /** The transport failed after the request may have reached the server: observe the state. */
  public static final String OUTCOME_UNKNOWN = "XE_OUTCOME_UNKNOWN";

  /** The server's certificate does not match the pinned or recorded fingerprint. */
  public static final String TLS_FINGERPRINT_MISMATCH = "XE_TLS_FINGERPRINT_MISMATCH";

  /** The server's certificate is not trusted (system trust store). */
  public static final String TLS_UNTRUSTED = "XE_TLS_UNTRUSTED";

  /** The answer could not be parsed. */
  public static final String BAD_RESPONSE = "XE_BAD_RESPONSE";

  /** No member of the pool answered as master. */
  public static final String NO_MASTER = "XE_NO_MASTER";

  /** No object of that class has that UUID in this pool. */
  public static final String UUID_UNKNOWN = "XE_UUID_UNKNOWN";

  /** A task that was being followed disappeared (xapi restarted or the master changed). */
  public static final String TASK_LOST = "XE_TASK_LOST";

  private static final ImmutableMap<String, XapiErrorKind> KINDS =
      ImmutableMap.<String, XapiErrorKind>builder()
          // Checks that failed: the request cannot succeed as it is.
          .putAll(
              kinds(
                  PRECONDITION,
                  "VM_BAD_POWER_STATE",
                  "VM_REQUIRES_SR",
                  "VM_REQUIRES_NETWORK",
                  "VM_REQUIRES_GPU",
                  "VM_REQUIRES_IOMMU",
                  "VM_HOST_INCOMPATIBLE_VERSION_MIGRATE",
                  "VM_HOST_INCOMPATIBLE_VIRTUAL_HARDWARE_PLATFORM_VERSION",
                  "VM_INCOMPATIBLE_WITH_THIS_HOST",
                  "NOT_SUPPORTED_DURING_UPGRADE",
                  "VDI_NOT_IN_MAP",
                  "VIF_NOT_IN_MAP",
                  "SR_DOES_NOT_SUPPORT_MIGRATION",
                  "VDI_CBT_ENABLED",
                  "VDI_IS_ENCRYPTED",
                  "VDI_INCOMPATIBLE_TYPE",
                  "VDI_ON_BOOT_MODE_INCOMPATIBLE_WITH_OPERATION",
                  "VDI_NEEDS_VM_FOR_MIGRATE",
                  "SUSPEND_IMAGE_NOT_ACCESSIBLE",
                  "HOST_NOT_ENOUGH_FREE_MEMORY",
                  "HOST_NOT_ENOUGH_PCPUS",
                  "HOST_DISABLED",
                  "HOST_NOT_LIVE",
                  "HOST_CANNOT_ATTACH_NETWORK",
                  "HOST_HAS_NO_MANAGEMENT_IP",
                  "HOST_EVACUATE_VM_NOT_HA_PROTECTED",
                  "HOST_EVACUATE_IN_PROGRESS",
                  "CANNOT_EVACUATE_HOST",
                  "NO_HOSTS_AVAILABLE",
                  "HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN",
                  "PIF_HAS_NO_NETWORK_CONFIGURATION",
                  "PIF_NOT_PRESENT",
                  "REQUIRED_PIF_IS_UNPLUGGED",
                  "INTERFACE_HAS_NO_IP",
                  "LICENCE_RESTRICTION",
                  "VGPU_TYPE_NO_LONGER_SUPPORTED",
                  "OPERATION_NOT_ALLOWED",
                  "OPERATION_BLOCKED",
                  "VM_IS_TEMPLATE",
                  "VM_IS_SNAPSHOT",
                  "VM_IS_IMMOBILE",
                  "VM_LACKS_FEATURE",
                  "VM_NON_SUSPENDABLE",
                  "VM_HAS_PCI_ATTACHED",
                  "VM_HAS_VGPU",
                  "VM_HAS_VUSBS",
                  "VM_HVM_REQUIRED",
                  "NETWORK_SRIOV_INSUFFICIENT_CAPACITY",
                  "DUPLICATE_MAC_SEED",
                  "VM_TO_IMPORT_IS_NOT_NEWER_VERSION",
                  "IMPORT_INCOMPATIBLE_VERSION",
                  "IMPORT_ERROR_ATTACHED_DISKS_NOT_FOUND",
                  "INVALID_DEVICE",
                  "DEVICE_ALREADY_EXISTS",
                  "MAC_INVALID",
                  "SR_NOT_ATTACHED",
                  "VDI_IN_USE"))
          // Busy: the same call may succeed later.
          .putAll(
              kinds(
                  TRANSIENT,
                  "TOO_BUSY",
                  "OTHER_OPERATION_IN_PROGRESS",
                  "TOO_MANY_STORAGE_MIGRATES"))
          // Session and trust.
          .putAll(
              kinds(
                  AUTH,
                  "SESSION_INVALID",
                  "SESSION_AUTHENTICATION_FAILED",
                  "RBAC_PERMISSION_DENIED",
                  "HOST_IS_SLAVE",
                  TLS_FINGERPRINT_MISMATCH,
                  TLS_UNTRUSTED))
          .putAll(kinds(NOT_FOUND, "HANDLE_INVALID", "UUID_INVALID", UUID_UNKNOWN))
          // The migration itself, a host, storage or the network failed.
          .putAll(
              kinds(
                  EXTERNAL,
                  "VM_MIGRATE_FAILED",
                  "VM_MIGRATE_CONTACT_REMOTE_SERVICE_FAILED",
                  "BALLOONING_TIMEOUT_BEFORE_MIGRATION",
                  "MIRROR_FAILED",
                  "HOST_OFFLINE",
                  "CANNOT_CONTACT_HOST",
                  "TLS_CONNECTION_FAILED",
                  "TASK_CANCELLED",
                  "SR_SOURCE_SPACE_INSUFFICIENT",
                  "VDI_LOCATION_MISSING",
                  "LOCATION_NOT_UNIQUE",
                  "UNIMPLEMENTED_IN_SM_BACKEND",
                  "IMPORT_ERROR",
                  TRANSPORT,
                  OUTCOME_UNKNOWN,
                  NO_MASTER,
                  TASK_LOST))
          .putAll(
              kinds(
                  INTERNAL,
                  "INTERNAL_ERROR",
                  "MESSAGE_METHOD_UNKNOWN",
                  "MESSAGE_PARAMETER_COUNT_MISMATCH",
                  "EVENT_SUBSCRIPTION_PARSE_FAILURE",
                  "EVENT_FROM_TOKEN_PARSE_FAILURE",
                  BAD_RESPONSE))
          .buildOrThrow();

  /** Codes whose parameters carry a session reference, which is a secret. */
  private static final ImmutableList<String> SECRET_PARAMETERS =
      ImmutableList.of("SESSION_INVALID");

  private static final java.util.regex.Pattern SESSION_IN_URL =
      java.util.regex.Pattern.compile("session_id=[^&\\s\"')\\]]*");

  private XapiErrors() {}

  private static ImmutableMap<String, XapiErrorKind> kinds(XapiErrorKind kind, String... codes) {
    return Arrays.stream(codes).collect(ImmutableMap.toImmutableMap(code -> code, code -> kind));
  }

  /** Every code the table classifies, client codes ({@code XE_*}) included. */
  static ImmutableSet<String> classifiedCodes() {
    return KINDS.keySet();
  }

  /**
   * The classified code; storage back-end failures ({@code SR_BACKEND_FAILURE_44}) are EXTERNAL.
   */
  public static XapiErrorCode classify(String code) {
    XapiErrorKind kind = KINDS.get(code);
    if (kind == null) {
      kind = code.startsWith("SR_BACKEND_FAILURE") ? EXTERNAL : INTERNAL;
    }
    return new XapiErrorCode(code, kind);
  }

  /** An exception for xapi's error description {@code [code, param...]}, secrets redacted. */
  public static XapiException fromErrorDescription(String method, List<String> description) {
    if (description.isEmpty()) {
      return new XapiException(method, classify(BAD_RESPONSE), List.of("empty error description"));
    }
    String code = description.get(0);
    List<String> parameters = description.subList(1, description.size());
    if (SECRET_PARAMETERS.contains(code)) {
      parameters = parameters.stream().map(parameter -> "<redacted>").toList();
    } else {
      // Failure texts can quote a migrate_receive URL, which carries a session in its query.
      parameters =
          parameters.stream()
              .map(
                  parameter ->
                      SESSION_IN_URL.matcher(parameter).replaceAll("session_id=<redacted>"))
              .toList();
    }
    return new XapiException(method, classify(code), parameters);
  }

  /** A client-side failure with a plain explanation as its only parameter. */
  public static XapiException client(String method, String code, String detail, Throwable cause) {
    return new XapiException(method, classify(code), List.of(detail), cause);
  }

  /**
   * Translates anything thrown below the SDK's typed API into an {@link XapiException}. Our
   * transport raises {@link XapiException} itself (keeping the raw code and every parameter, which
   * the SDK's typed exceptions drop); this covers what the SDK raises on its own: {@code
   * Types.XenAPIException} (for instance {@code BadServerResponse}) and anything unexpected.
   */
  public static XapiException translate(String method, Throwable failure) {
    if (failure instanceof XapiException xapi) {
      return xapi;
    }
    if (failure instanceof com.xensource.xenapi.Types.XenAPIException sdk) {
      if (sdk.errorDescription != null && sdk.errorDescription.length > 0) {
        return fromErrorDescription(method, List.of(sdk.errorDescription));
      }
      return client(method, BAD_RESPONSE, String.valueOf(sdk.shortDescription), sdk);
    }
    return client(method, BAD_RESPONSE, failure.getClass().getSimpleName(), failure);
  }
}
