package io.xemigrate.daemon.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server-sent event streams: a chunked {@code text/event-stream} response per subscriber, one
 * {@code event:}/{@code data:} pair per hub event, a comment every {@code keepAlive} so proxies
 * keep the connection. A closed connection unsubscribes at once.
 */
final class EventStreams {
  private final EventHub hub;
  private final ChannelGroup open;
  private final Duration keepAlive;

  EventStreams(EventHub hub, ChannelGroup open, Duration keepAlive) {
    this.hub = hub;
    this.open = open;
    this.keepAlive = keepAlive;
  }

  /** Answers the request on {@code ctx} with a stream; {@code run} limits it to one run. */
  void open(ChannelHandlerContext ctx, Optional<String> run) {
    Channel channel = ctx.channel();
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    HttpUtil.setTransferEncodingChunked(response, true);
    // Headers are queued before the subscription exists, so no event can overtake them.
    channel.write(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    EventHub.Subscriber subscriber =
        new EventHub.Subscriber() {
          @Override
          public Optional<String> run() {
            return run;
          }

          @Override
          public boolean send(String event, String data) {
            return write(channel, "event: " + event + "\ndata: " + data + "\n\n");
          }
        };
    hub.subscribe(subscriber);
    open.add(channel);
    ScheduledFuture<?> pings =
        channel
            .eventLoop()
            .scheduleAtFixedRate(
                () -> write(channel, ": keep-alive\n\n"),
                keepAlive.toMillis(),
                keepAlive.toMillis(),
                TimeUnit.MILLISECONDS);
    channel
        .closeFuture()
        .addListener(
            closed -> {
              pings.cancel(false);
              hub.unsubscribe(subscriber);
            });
    write(channel, ": stream open" + run.map(id -> " for run " + id).orElse("") + "\n\n");
  }

  private static boolean write(Channel channel, String text) {
    if (!channel.isActive()) {
      return false;
    }
    channel
        .writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)))
        .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    return true;
  }
}
