package io.xemigrate.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writes full responses: JSON documents, text, and the JSON errors. */
final class Responses {
  /**
   * Sent with every answer (the web console's pages among them): scripts, styles and data only from
   * this server, no inline script or style, never framed.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private Responses() {}

  static FullHttpResponse json(int status, JsonNode body) {
    return full(status, "application/json", ApiJson.bytes(body));
  }

  static FullHttpResponse text(int status, String contentType, String body) {
    return full(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static FullHttpResponse asset(Reply.Asset asset) {
    FullHttpResponse response = text(200, asset.contentType(), asset.body());
    if (asset.immutable()) {
      response.headers().set(HttpHeaderNames.CACHE_CONTROL, "private, max-age=31536000, immutable");
    }
    return response;
  }

  static FullHttpResponse error(ApiException e) {
    return json(e.status(), ApiJson.error(e.code(), e.getMessage()));
  }

  /** Writes {@code response}; closes the connection after it unless {@code keepAlive}. */
  static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static FullHttpResponse full(int status, String contentType, byte[] body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    response.headers().set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
    response.headers().set("X-Content-Type-Options", "nosniff");
    response.headers().set("Referrer-Policy", "no-referrer");
    return response;
  }
}
