package io.xemigrate.simulator.wire;

import com.google.common.collect.ImmutableMap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.xemigrate.simulator.api.SystemMethods;
import io.xemigrate.simulator.rpc.ConnectionResets.ResetPoint;
import io.xemigrate.simulator.rpc.Dispatcher;
import io.xemigrate.simulator.rpc.HttpResources;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.XapiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Serves {@code POST /} and {@code /RPC2} (XML-RPC) and {@code POST /jsonrpc} (JSON-RPC) for one
 * host. Calls run on a worker executor, never on the event loop, because {@code event.from} and
 * synchronous long calls block.
 */
final class RpcHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final String THUMBPRINT_REQUEST = "x-xenapi-request-host-certificate-thumbprint";
  static final String THUMBPRINT_RESPONSE = "x-xenapi-response-host-certificate-thumbprint";

  private final Dispatcher dispatcher;
  private final String hostRef;
  private final Executor workers;
  private final RequestLimits limits;

  RpcHandler(Dispatcher dispatcher, String hostRef, Executor workers, RequestLimits limits) {
    this.dispatcher = dispatcher;
    this.hostRef = hostRef;
    this.workers = workers;
    this.limits = limits;
  }

  /**
   * A client that goes away mid-connection (a killed process, a reset) is ordinary for a server:
   * close the channel without netty's "reached the tail of the pipeline" warning. Anything else is
   * passed on, so a real bug is still seen.
   */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof java.io.IOException
        || cause instanceof io.netty.handler.codec.PrematureChannelClosureException) {
      var unused = ctx.close();
    } else {
      ctx.fireExceptionCaught(cause);
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    String path = new QueryStringDecoder(request.uri()).path();
    boolean json = path.equals("/jsonrpc");
    Optional<HttpResources.Resource> resource = dispatcher.pool().http().find(path);
    if (resource.isPresent() && request.method().equals(HttpMethod.GET)) {
      Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
      try {
        workers.execute(() -> serveResource(ctx, resource.get(), query, keepAlive));
      } catch (RejectedExecutionException e) {
        Responses.sendError(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "shutting down", false);
      }
      return;
    }
    if (!json && !path.equals("/") && !path.equals("/RPC2")) {
      Responses.sendError(ctx, HttpResponseStatus.NOT_FOUND, "No handler for " + path, keepAlive);
      limits.armForNextRequest(ctx);
      return;
    }
    if (!request.method().equals(HttpMethod.POST)) {
      Responses.sendError(
          ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "Only POST is served here", keepAlive);
      limits.armForNextRequest(ctx);
      return;
    }
    byte[] body = ByteBufUtil.getBytes(request.content());
    boolean wantsThumbprint = request.headers().contains(THUMBPRINT_REQUEST);
    try {
      workers.execute(() -> serve(ctx, body, json, keepAlive, wantsThumbprint));
    } catch (RejectedExecutionException e) {
      Responses.sendError(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "shutting down", false);
    }
  }

  private void serve(
      ChannelHandlerContext ctx,
      byte[] body,
      boolean json,
      boolean keepAlive,
      boolean wantsThumbprint) {
    try {
      byte[] answer;
      String contentType;
      Map<String, String> headers = ImmutableMap.of();
      JsonRpc.Request request = json ? JsonRpc.read(body) : null;
      RpcCall call = json ? request.call() : XmlRpcReader.read(body);
      // An injected fault: the request was read; its connection breaks before any answer.
      Optional<ResetPoint> reset =
          dispatcher.pool().connectionResets().take(hostRef, call.method());
      if (reset.equals(Optional.of(ResetPoint.BEFORE_DISPATCH))) {
        onLoop(ctx, () -> reset(ctx));
        return;
      }
      if (json) {
        contentType = "application/json";
        try {
          answer = JsonRpc.success(request, call(request.call()));
        } catch (XapiException e) {
          answer = JsonRpc.failure(request, e);
          headers = thumbprintHeader(wantsThumbprint, e);
        }
      } else {
        contentType = "text/xml";
        String text;
        try {
          Object value = call(call);
          text =
              call.method().equals(SystemMethods.LIST_METHODS)
                  ? XmlRpcWriter.bare(value)
                  : XmlRpcWriter.success(value);
        } catch (XapiException e) {
          text = XmlRpcWriter.failure(e);
          headers = thumbprintHeader(wantsThumbprint, e);
        }
        answer = text.getBytes(StandardCharsets.UTF_8);
      }
      if (reset.isPresent()) {
        onLoop(ctx, () -> reset(ctx));
        return;
      }
      Map<String, String> extra = headers;
      byte[] bytes = answer;
      onLoop(
          ctx,
          () -> {
            Responses.send(ctx, contentType, bytes, keepAlive, extra);
            limits.armForNextRequest(ctx);
          });
    } catch (MalformedRequestException e) {
      onLoop(
          ctx,
          () -> {
            Responses.sendError(
                ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, e.getMessage(), keepAlive);
            limits.armForNextRequest(ctx);
          });
    }
  }

  /**
   * Hands {@code reply} to the connection's event loop. A worker that finishes a call while the
   * simulator shuts down finds that loop terminated: the connection is gone with it, so there is no
   * one left to answer.
   */
  private static void onLoop(ChannelHandlerContext ctx, Runnable reply) {
    try {
      ctx.executor().execute(reply);
    } catch (RejectedExecutionException e) {
      // The simulator is closing; its connections close with it.
    }
  }

  private void serveResource(
      ChannelHandlerContext ctx,
      HttpResources.Resource resource,
      Map<String, List<String>> query,
      boolean keepAlive) {
    HttpResources.Answer answer = resource.get(hostRef, query);
    onLoop(
        ctx,
        () -> {
          if (answer.status() == 200) {
            Responses.send(ctx, answer.contentType(), answer.body(), keepAlive, answer.headers());
          } else {
            Responses.sendError(
                ctx,
                HttpResponseStatus.valueOf(answer.status()),
                new String(answer.body(), StandardCharsets.UTF_8),
                keepAlive,
                answer.headers());
          }
          limits.armForNextRequest(ctx);
        });
  }

  /**
   * Closes the connection with no answer (an injected fault). SO_LINGER 0 makes the close an RST on
   * plain HTTP, so the client sees a reset rather than an orderly end of stream.
   */
  private static void reset(ChannelHandlerContext ctx) {
    ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    var unused = ctx.channel().close();
  }

  /**
   * xapi adds the master's certificate thumbprint to a HOST_IS_SLAVE answer when asked: the {@code
   * fingerprint_sha256} of the master's {@code Certificate} record (xapi's {@code helpers.ml},
   * {@code external_certificate_thumbprint_of_master}).
   */
  private Map<String, String> thumbprintHeader(boolean wanted, XapiException error) {
    if (!wanted || !error.code().equals("HOST_IS_SLAVE")) {
      return ImmutableMap.of();
    }
    PoolRuntime pool = dispatcher.pool();
    return pool.certificateOf(pool.masterRef())
        .map(sha256 -> ImmutableMap.of(THUMBPRINT_RESPONSE, sha256))
        .orElse(ImmutableMap.of());
  }

  private Object call(RpcCall call) {
    try {
      return dispatcher.dispatch(hostRef, call.method(), call.params());
    } catch (XapiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Dispatcher.internalError(e);
    }
  }
}
