package io.xemigrate.simulator.wire;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes HTTP responses: RPC answers, and xapi's HTML error pages for requests it cannot parse. */
final class Responses {
  private Responses() {}

  static void send(
      ChannelHandlerContext ctx,
      String contentType,
      byte[] body,
      boolean keepAlive,
      Map<String, String> extraHeaders) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    extraHeaders.forEach((k, v) -> response.headers().set(k, v));
    write(ctx, response, keepAlive);
  }

  /** An HTML error page with the escaped message, as xapi's http server writes it. */
  static void sendError(
      ChannelHandlerContext ctx, HttpResponseStatus status, String message, boolean keepAlive) {
    sendError(ctx, status, message, keepAlive, Map.of());
  }

  /** As above, with extra headers (such as {@code WWW-Authenticate} on a 401). */
  static void sendError(
      ChannelHandlerContext ctx,
      HttpResponseStatus status,
      String message,
      boolean keepAlive,
      Map<String, String> extraHeaders) {
    StringBuilder html = new StringBuilder("<html><body><h1>");
    html.append(status.code()).append(' ').append(status.reasonPhrase()).append("</h1>");
    XmlRpcWriter.escape(html, message);
    html.append("</body></html>");
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            status,
            Unpooled.wrappedBuffer(html.toString().getBytes(StandardCharsets.UTF_8)));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html");
    extraHeaders.forEach((k, v) -> response.headers().set(k, v));
    write(ctx, response, keepAlive);
  }

  private static void write(
      ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ChannelFuture unused = ctx.writeAndFlush(response);
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ChannelFuture unused = ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
