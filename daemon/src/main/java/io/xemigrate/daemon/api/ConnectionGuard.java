package io.xemigrate.daemon.api;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Keeps idle and slow connections from using up the daemon's file descriptors and workers.
 *
 * <ul>
 *   <li>A connection must deliver a complete request (TLS handshake, headers and body) within the
 *       read timeout of opening or of its previous reply; otherwise it is closed. This covers idle
 *       keep-alive connections, headers or bodies sent byte by byte, and TLS connections that never
 *       finish the handshake (so before any token is checked).
 *   <li>At most {@code maxConnections} are open. A new one beyond that closes the oldest connection
 *       that is not serving a request (an idle or half-sent one); when every connection is serving
 *       one (long requests, event streams), the new one is closed at once.
 * </ul>
 *
 * <p>Every method runs on the API's single event loop thread.
 */
final class ConnectionGuard {
  private final Duration readTimeout;
  private final int maxConnections;
  private final Map<Channel, Deadline> open = new LinkedHashMap<>();

  ConnectionGuard(Duration readTimeout, int maxConnections) {
    this.readTimeout = readTimeout;
    this.maxConnections = maxConnections;
  }

  /**
   * Admits a new connection, making room by closing the oldest one not serving a request. Returns
   * the handler to put in its pipeline (after the HTTP codec), or empty when there is no room.
   */
  synchronized Optional<Deadline> admit(Channel channel) {
    if (open.size() >= maxConnections && !evictOldestIdle()) {
      return Optional.empty();
    }
    Deadline deadline = new Deadline();
    open.put(channel, deadline);
    channel.closeFuture().addListener(closed -> forget(channel));
    return Optional.of(deadline);
  }

  private synchronized void forget(Channel channel) {
    open.remove(channel);
  }

  private boolean evictOldestIdle() {
    for (Iterator<Map.Entry<Channel, Deadline>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Channel, Deadline> entry = it.next();
      if (!entry.getValue().serving()) {
        it.remove();
        var unused = entry.getKey().close();
        return true;
      }
    }
    return false;
  }

  /**
   * One connection's read deadline: armed on connect and after each reply, off while a request
   * received in full waits for its reply. Counted, not flagged: a reply may leave before its
   * request's body is in (413 for a body too large), and pipelined requests queue up.
   */
  final class Deadline extends ChannelDuplexHandler {
    private long heads;
    private long completes;
    private long replies;
    private ScheduledFuture<?> timer;

    /** Whether a request received in full has no reply yet (an event stream never gets one). */
    boolean serving() {
      return Math.min(heads, completes) > replies;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      if (ctx.channel().isActive()) {
        arm(ctx);
      }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      arm(ctx);
      super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      disarm();
      super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest) {
        heads++;
      }
      if (msg instanceof LastHttpContent) {
        completes++;
      }
      if (serving()) {
        disarm();
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof LastHttpContent) {
        var unused =
            ctx.write(msg, promise.unvoid())
                .addListener(
                    (ChannelFutureListener)
                        written -> {
                          replies++;
                          if (!serving() && written.channel().isActive()) {
                            arm(ctx);
                          }
                        });
        return;
      }
      var unused = ctx.write(msg, promise);
    }

    private void arm(ChannelHandlerContext ctx) {
      disarm();
      timer =
          ctx.executor()
              .schedule(
                  () -> {
                    var unused = ctx.close();
                  },
                  readTimeout.toNanos(),
                  TimeUnit.NANOSECONDS);
    }

    private void disarm() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }
  }
}
