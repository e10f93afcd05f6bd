package io.xemigrate.xapi;

import io.xemigrate.xapi.internal.SdkPoolClient;

/** Opens {@link PoolClient}s. */
public final class XapiClients {
  private XapiClients() {}

  /** Connects (and logs in, unless a session is reused). */
  public static PoolClient connect(ClientSettings settings) {
    return SdkPoolClient.open(settings);
  }
}
