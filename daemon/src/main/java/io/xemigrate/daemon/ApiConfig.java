package io.xemigrate.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code api:} section of the daemon's configuration: where the HTTP API listens and how it
 * authenticates. Absent section, no API.
 *
 * @param port 0 means any free port (tests)
 * @param certificate with {@code key}, serve HTTPS; both empty means plain HTTP on 127.0.0.1 only
 * @param readTimeout how long a connection may take to send a complete request after opening or
 *     after its previous reply (default 30 s)
 * @param maxConnections the most connections open at once (default 128)
 */
public record ApiConfig(
    String host,
    int port,
    Path tokenFile,
    Optional<Path> certificate,
    Optional<Path> key,
    int maxBodyBytes,
    Duration readTimeout,
    int maxConnections) {}
