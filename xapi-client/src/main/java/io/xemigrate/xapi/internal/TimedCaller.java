package io.xemigrate.xapi.internal;

import io.xemigrate.xapi.XapiErrors;
import io.xemigrate.xapi.XapiEventListener;
import io.xemigrate.xapi.XapiException;
import java.time.Duration;

/** The bottom of the pipeline: one exchange on one channel, reported as callStart/callEnd. */
final class TimedCaller implements RpcCaller {
  private final HttpRpcChannel channel;
  private final XapiEventListener listener;

  TimedCaller(HttpRpcChannel channel, XapiEventListener listener) {
    this.channel = channel;
    this.listener = listener;
  }

  @Override
  public Object call(String method, Object[] params, Duration extraWait) {
    listener.callStart(method);
    long start = System.nanoTime();
    try {
      Object result = channel.call(method, params, extraWait);
      listener.callEnd(method, System.nanoTime() - start, "");
      return result;
    } catch (XapiException failure) {
      listener.callEnd(method, System.nanoTime() - start, failure.code());
      throw failure;
    } catch (TransportFailure failure) {
      listener.callEnd(method, System.nanoTime() - start, XapiErrors.TRANSPORT);
      throw failure;
    }
  }
}
