package io.xemigrate.daemon;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code api:} section of the daemon's configuration: where the HTTP API listens and how it
 * authenticates. Absent section, no API.
 *
 * @param port 0 means any free port (tests)
 * @param certificate with {@code key}, serve HTTPS; both empty means plain HTTP on 127.0.0.1 only
 */
public record ApiConfig(
    String host,
    int port,
    Path tokenFile,
    Optional<Path> certificate,
    Optional<Path> key,
    int maxBodyBytes) {}
