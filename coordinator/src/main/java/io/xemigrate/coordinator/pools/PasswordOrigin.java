package io.xemigrate.coordinator.pools;

import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a pool's password comes from. Never the command line: a file, an environment variable, or
 * (for the simulator's endpoints file only) the profile file itself. Or no password at all: a
 * session XCP-ng Center or XenCenter already holds, reused as it is.
 */
public sealed interface PasswordOrigin {

  /**
   * Checks that the password can be read, then gives the source the client logs in with.
   *
   * @param pool the pool's name, for the message
   * @throws PoolProfileException naming the file or variable and what to do
   */
  PasswordSource open(String pool, Map<String, String> environment);

  /** The first line of a file readable by its owner only. */
  record FromFile(Path path) implements PasswordOrigin {
    @Override
    public PasswordSource open(String pool, Map<String, String> environment) {
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        throw new PoolProfileException(
            pool,
            "cannot read the password file "
                + path
                + " of pool '"
                + pool
                + "': create it with the password on its first line (chmod 600)");
      }
      return PasswordSource.file(path);
    }
  }

  /** An environment variable. */
  record FromEnvironment(String variable) implements PasswordOrigin {
    @Override
    public PasswordSource open(String pool, Map<String, String> environment) {
      if (!environment.containsKey(variable)) {
        throw new PoolProfileException(
            pool,
            "the environment variable "
                + variable
                + " named by passwordEnv of pool '"
                + pool
                + "' is not set: export it with the password");
      }
      return PasswordSource.environment(variable, environment);
    }
  }

  /** Written in the profile file; accepted only from the simulator's endpoints file. */
  record Inline(Secret password) implements PasswordOrigin {
    @Override
    public PasswordSource open(String pool, Map<String, String> environment) {
      return () -> password;
    }
  }

  /**
   * A session someone else logged in (XCP-ng Center passes its own to plugins): the client neither
   * logs in nor logs out, so there is no password to read. {@link PoolConnector} reuses it.
   */
  record ExistingSession(Secret session) implements PasswordOrigin {
    @Override
    public PasswordSource open(String pool, Map<String, String> environment) {
      return () -> {
        throw new IllegalStateException("pool '" + pool + "' reuses a session: no password");
      };
    }

    @Override
    public String toString() {
      return "ExistingSession[<redacted>]";
    }
  }
}
