package io.xemigrate.xapi.internal;

import java.time.Duration;

/**
 * One step of the call pipeline: the channel at the bottom, then retry, then session handling
 * (OkHttp's interceptor shape, as decorators). Throws {@link io.xemigrate.xapi.XapiException} for
 * error answers and {@link TransportFailure} for broken exchanges.
 */
interface RpcCaller {
  Object call(String method, Object[] params, Duration extraWait);
}
