package io.xemigrate.daemon.api;

import com.google.common.collect.ImmutableMap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.ErrorKind;
import io.xemigrate.coordinator.pools.PoolProfileException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connection's requests: refuses what the decoder could not read, checks the token, routes, and
 * runs the handler on a worker thread (handlers may talk to pools), then writes its reply. Logs
 * method, path and status only: never a header, so never the token.
 */
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final System.Logger LOG = System.getLogger("io.xemigrate.api");

  private final Router router;
  private final BearerToken token;
  private final ExecutorService workers;
  private final EventStreams streams;

  ApiHandler(Router router, BearerToken token, ExecutorService workers, EventStreams streams) {
    this.router = router;
    this.token = token;
    this.workers = workers;
    this.streams = streams;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!request.decoderResult().isSuccess()) {
      Responses.send(ctx, Responses.error(undecodable(request.decoderResult().cause())), false);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    String method = request.method().name();
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String path = uri.path();
    Router.Match match = router.find(method, path);
    boolean open = match.route().map(route -> !route.authenticated()).orElse(false);
    if (!open && !token.accepts(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
      LOG.log(Level.DEBUG, () -> method + " " + path + " -> 401 (missing or wrong token)");
      FullHttpResponse response =
          Responses.error(
              new ApiException(
                  401,
                  "UNAUTHORIZED",
                  "missing or wrong bearer token: send Authorization: Bearer <the token of the"
                      + " API token file>"));
      response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"xe-migrate\"");
      Responses.send(ctx, response, keepAlive);
      return;
    }
    if (match.route().isEmpty()) {
      answerUnrouted(ctx, method, path, match, keepAlive);
      return;
    }
    ApiRequest apiRequest =
        new ApiRequest(
            method,
            path,
            match.parameters(),
            query(uri.parameters()),
            contentType(request.headers().get(HttpHeaderNames.CONTENT_TYPE)),
            ByteBufUtil.getBytes(request.content()));
    Route.Handler handler = match.route().get().handler();
    try {
      workers.execute(() -> answer(ctx, apiRequest, handler, keepAlive));
    } catch (RejectedExecutionException e) {
      Responses.send(
          ctx,
          Responses.error(new ApiException(503, "BUSY", "the API is busy: retry in a few seconds")),
          false);
    }
  }

  private void answer(
      ChannelHandlerContext ctx, ApiRequest request, Route.Handler handler, boolean keepAlive) {
    Reply reply;
    try {
      reply = handler.handle(request);
    } catch (ApiException e) {
      reply = new Reply.Json(e.status(), ApiJson.error(e.code(), e.getMessage()));
    } catch (PoolProfileException e) {
      // The server's own setup: its paths stay in the server's log, the client learns the pool.
      LOG.log(Level.ERROR, e.getMessage());
      reply = new Reply.Json(500, ApiJson.error(e.code(), e.publicMessage()));
    } catch (CoordinatorException e) {
      reply = new Reply.Json(statusOf(e.kind()), ApiJson.error(e.code(), e.getMessage()));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          () -> request.method() + " " + request.path() + " failed: " + e.getClass().getName());
      reply =
          new Reply.Json(
              500,
              ApiJson.error(
                  "INTERNAL",
                  "internal error (" + e.getClass().getSimpleName() + "): see the log"));
    }
    int status = reply.status();
    if (reply instanceof Reply.Json json) {
      Responses.send(ctx, Responses.json(json.status(), json.body()), keepAlive);
    } else if (reply instanceof Reply.Text text) {
      Responses.send(
          ctx, Responses.text(text.status(), text.contentType(), text.body()), keepAlive);
    } else if (reply instanceof Reply.Asset asset) {
      Responses.send(ctx, Responses.asset(asset), keepAlive);
    } else if (reply instanceof Reply.Stream stream) {
      streams.open(ctx, stream.run());
    }
    LOG.log(Level.DEBUG, () -> request.method() + " " + request.path() + " -> " + status);
  }

  private static void answerUnrouted(
      ChannelHandlerContext ctx,
      String method,
      String path,
      Router.Match match,
      boolean keepAlive) {
    if (match.allow().isEmpty()) {
      Responses.send(
          ctx,
          Responses.error(
              new ApiException(
                  404,
                  "NOT_FOUND",
                  "no endpoint " + path + ": GET /api/v1/openapi.json lists the endpoints")),
          keepAlive);
      return;
    }
    FullHttpResponse response =
        Responses.error(
            new ApiException(
                405,
                "METHOD_NOT_ALLOWED",
                method
                    + " is not allowed on "
                    + path
                    + ": use "
                    + String.join(", ", match.allow())));
    response.headers().set(HttpHeaderNames.ALLOW, String.join(", ", match.allow()));
    Responses.send(ctx, response, keepAlive);
  }

  /** The API's one mapping of the engine's errors to HTTP status codes. */
  static int statusOf(ErrorKind kind) {
    return switch (kind) {
      case BAD_REQUEST -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case POOL_UNREACHABLE -> 502;
      case STORAGE -> 500;
    };
  }

  private static ApiException undecodable(Throwable cause) {
    if (cause instanceof TooLongHttpHeaderException) {
      return new ApiException(
          431, "HEADERS_TOO_LARGE", "the request headers are too large: send less than 8 KiB");
    }
    if (cause instanceof TooLongHttpLineException) {
      return new ApiException(
          414, "URI_TOO_LONG", "the request line is too long: send less than 4 KiB");
    }
    if (cause instanceof TooLongFrameException) {
      return new ApiException(400, "MALFORMED_REQUEST", "a part of the request is too long");
    }
    return new ApiException(400, "MALFORMED_REQUEST", "the request is not valid HTTP/1.1");
  }

  private static Optional<String> contentType(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    int semicolon = header.indexOf(';');
    String type = semicolon < 0 ? header : header.substring(0, semicolon);
    return Optional.of(type.strip().toLowerCase(Locale.ROOT));
  }

  private static ImmutableMap<String, String> query(Map<String, List<String>> parameters) {
    ImmutableMap.Builder<String, String> query = ImmutableMap.builder();
    parameters.forEach((name, values) -> query.put(name, values.get(values.size() - 1)));
    return query.buildOrThrow();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A reset connection or a TLS handshake failure: nothing to answer, nobody to tell.
    LOG.log(Level.DEBUG, () -> "connection closed: " + cause.getClass().getSimpleName());
    ctx.close().addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
  }
}
