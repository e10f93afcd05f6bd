package io.xemigrate.simulator;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.wire.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A host's certificate as the pool publishes it: a {@code Certificate} record of type {@code host}
 * (xapi's {@code ocaml/idl/datamodel_certificate.ml}). {@code name} is empty, as xapi leaves it for
 * host certificates; the deprecated {@code fingerprint} holds the SHA-256 as it did.
 */
final class HostCertificates {
  private HostCertificates() {}

  static String publish(ObjectStore store, String hostRef, SelfSignedCertificate certificate) {
    String hostUuid = store.get(XapiClass.HOST, hostRef).uuid();
    return store.create(
        XapiClass.CERTIFICATE,
        ImmutableMap.<String, Object>builder()
            .put(
                "uuid",
                UUID.nameUUIDFromBytes(("certificate:" + hostUuid).getBytes(StandardCharsets.UTF_8))
                    .toString())
            .put("name", "")
            .put("type", "host")
            .put("host", hostRef)
            .put("not_before", certificate.notBefore())
            .put("not_after", certificate.notAfter())
            .put("fingerprint", certificate.sha256())
            .put("fingerprint_sha256", certificate.sha256())
            .put("fingerprint_sha1", certificate.sha1())
            .put("purpose", ImmutableList.of())
            .buildOrThrow());
  }
}
