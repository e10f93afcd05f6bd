package io.xemigrate.xapi.internal;

import com.xensource.xenapi.Connection;
import io.xemigrate.xapi.XapiErrors;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The official SDK's {@link Connection}, rerouted: every typed call ({@code VM.getAllRecords(c)},
 * {@code vm.migrateSendAsync(c, ...)}) lands in {@link #dispatch}, which sends it through our
 * pipeline (JSON-RPC, our own XML-RPC parser, retry, session) and hands the SDK the XML-RPC-shaped
 * answer it expects. The {@code XmlRpcClient} the superclass builds is never used to send or parse
 * anything.
 *
 * <p>Failures are raised as {@link io.xemigrate.xapi.XapiException} here, not through the SDK's
 * {@code Types.checkResponse}: its typed exceptions drop the raw code and most parameters.
 */
final class SdkConnection extends Connection {
  /** How long an {@code event.from} call may block on the server beyond the call timeout. */
  static final ThreadLocal<Duration> EXTRA_WAIT = ThreadLocal.withInitial(() -> Duration.ZERO);

  private final SessionCaller session;

  SdkConnection(SessionCaller session) {
    super(placeholderUrl());
    this.session = session;
  }

  private static URL placeholderUrl() {
    try {
      // Only satisfies the superclass constructor; nothing is ever sent to it.
      return new URL("https://unused.invalid/");
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String getSessionReference() {
    return session.sessionReference();
  }

  @Override
  @SuppressWarnings("rawtypes")
  protected Map dispatch(String methodCall, Object[] methodParams) {
    try {
      Object value = session.call(methodCall, methodParams, EXTRA_WAIT.get());
      Map<String, Object> response = new HashMap<>();
      response.put("Status", "Success");
      response.put("Value", value);
      return response;
    } catch (TransportFailure failure) {
      throw XapiErrors.client(methodCall, XapiErrors.TRANSPORT, failure.getMessage(), failure);
    }
  }

  @Override
  public String toString() {
    return "SdkConnection[" + session.address() + "]";
  }
}
