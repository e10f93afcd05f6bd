package io.xemigrate.daemon.api;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * HTTP/1.1 pipelining: one request of a connection at a time, so replies leave in the order the
 * requests came (RFC 9112, section 9.3.2), however long each handler takes on its worker. Requests
 * that arrive while one is served wait here; the next goes on once the previous reply is written in
 * full. After a reply that closes the connection, the waiting requests are dropped (the client
 * sends them again on a new connection).
 */
final class InOrder extends ChannelDuplexHandler {
  /** Requests read ahead per connection before reading from the socket pauses. */
  private static final int READ_AHEAD = 16;

  private final Queue<FullHttpRequest> waiting = new ArrayDeque<>();
  private boolean serving;
  private boolean closing;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (closing) {
      ReferenceCountUtil.release(request);
      return;
    }
    if (serving) {
      waiting.add(request);
      if (waiting.size() >= READ_AHEAD) {
        ctx.channel().config().setAutoRead(false);
      }
      return;
    }
    serving = true;
    ctx.fireChannelRead(request);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response && !HttpUtil.isKeepAlive(response)) {
      closing = true;
    }
    if (msg instanceof LastHttpContent) {
      ctx.write(msg, promise.unvoid()).addListener((ChannelFutureListener) written -> next(ctx));
      return;
    }
    var unused = ctx.write(msg, promise);
  }

  private void next(ChannelHandlerContext ctx) {
    serving = false;
    if (closing) {
      drop();
      return;
    }
    FullHttpRequest request = waiting.poll();
    if (request != null) {
      serving = true;
      ctx.fireChannelRead(request);
    }
    if (waiting.size() < READ_AHEAD && !ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    drop();
    super.channelInactive(ctx);
  }

  private void drop() {
    FullHttpRequest request;
    while ((request = waiting.poll()) != null) {
      ReferenceCountUtil.release(request);
    }
  }
}
