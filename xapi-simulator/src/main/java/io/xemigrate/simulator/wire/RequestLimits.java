package io.xemigrate.simulator.wire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * xapi's HTTP request limits (docs/failure-semantics.md#http-limits), checked before the body is
 * gathered: headers over the limit → 431; no {@code Content-Length} (chunked) or a body over 300
 * KiB → 500; headers not complete within 10 s of the last byte or 60 s in all → connection closed.
 * The header timer runs in real time: it guards sockets, not simulated work.
 */
final class RequestLimits extends ChannelInboundHandlerAdapter {
  static final int MAX_BODY = 300 * 1024;
  static final int MAX_HEADERS = 1024;
  static final Duration PER_READ = Duration.ofSeconds(10);
  static final Duration TOTAL = Duration.ofSeconds(60);

  private boolean awaitingHeaders = true;
  private boolean discarding;
  private long headerStartNanos;
  private ScheduledFuture<?> timer;

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    armForNextRequest(ctx);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    disarm();
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      awaitingHeaders = false;
      disarm();
      String refusal = refusal(request);
      if (refusal != null) {
        discarding = true;
        ReferenceCountUtil.release(msg);
        HttpResponseStatus status =
            refusal.startsWith("431")
                ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpResponseStatus.INTERNAL_SERVER_ERROR;
        Responses.sendError(ctx, status, refusal, false);
        return;
      }
      discarding = false;
      ctx.fireChannelRead(msg);
      return;
    }
    if (msg instanceof HttpContent && discarding) {
      ReferenceCountUtil.release(msg);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  /** The decoder's partial reads of a request head reset the per-read timer. */
  void bytesArrived(ChannelHandlerContext ctx) {
    if (awaitingHeaders) {
      schedule(ctx);
    }
  }

  /** Called after a response is written: the next request's headers are awaited. */
  void armForNextRequest(ChannelHandlerContext ctx) {
    awaitingHeaders = true;
    headerStartNanos = System.nanoTime();
    schedule(ctx);
  }

  private static String refusal(HttpRequest request) {
    if (request.decoderResult().isFailure()) {
      Throwable cause = request.decoderResult().cause();
      return cause instanceof TooLongFrameException
          ? "431 Request Header Fields Too Large"
          : "Malformed HTTP request";
    }
    if (HttpUtil.isTransferEncodingChunked(request)
        || !request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
      return "Content-Length required";
    }
    long length = HttpUtil.getContentLength(request, -1L);
    if (length < 0 || length > MAX_BODY) {
      return "Request body too large";
    }
    return null;
  }

  private void schedule(ChannelHandlerContext ctx) {
    disarm();
    long elapsed = System.nanoTime() - headerStartNanos;
    long remaining = Math.min(PER_READ.toNanos(), TOTAL.toNanos() - elapsed);
    timer =
        ctx.executor()
            .schedule(
                () -> {
                  if (awaitingHeaders) {
                    var unused = ctx.close();
                  }
                },
                Math.max(0, remaining),
                TimeUnit.NANOSECONDS);
  }

  private void disarm() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
