package io.xemigrate.simulator.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.xemigrate.simulator.store.XapiException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The simulator-only HTTP endpoints, on their own plain-HTTP port on 127.0.0.1 (they are no part of
 * XenAPI): {@code GET /sim/migrations} returns the recorded truth of finished migrations as JSON
 * (with each VM's true mean dirty rate during its move and working set); {@code GET /sim/workloads}
 * every VM's hidden workload and every host's background traffic; {@code GET
 * /sim/workloads/dirty?vm=UUID[&from=S][&to=S][&step=S]} a VM's true dirty rate over virtual time;
 * {@code POST /sim/workloads/dirty} ({@code {"vm":"<uuid>","factor":2.0}}) multiplies a VM's true
 * dirty rate from now on by the factor (relative to its drawn workload), to test a run against a
 * guest that starts writing harder; {@code GET /sim/truth/bound} every recorded migration re-run
 * alone and the makespan bound that follows from the truth ({@link SoloTruth}); {@code POST
 * /sim/faults} injects a fault ({@code {"kind":"FAIL_MEMORY_PRECOPY", "target":"<vm uuid>"}});
 * {@code GET /sim/faults} lists armed one-shot faults.
 *
 * <p>Connections are HTTP/1.1 persistent unless the request says {@code Connection: close}: a
 * client pools the connection after a reply without that header, so closing it silently would fail
 * the client's next request on the pooled connection.
 */
public final class ControlServer implements AutoCloseable {
  private static final int MAX_BODY = 64 * 1024;

  private final MigrationService service;
  private final ObjectMapper mapper =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel channel;

  private ControlServer(MigrationService service) throws InterruptedException {
    this.service = service;
    this.channel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_BODY))
                        .addLast(new Handler());
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  /** Opens the control endpoints on a free port of 127.0.0.1. */
  public static ControlServer start(MigrationService service) throws InterruptedException {
    return new ControlServer(service);
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** The body of {@code GET /sim/migrations}. */
  String migrationsJson() throws JsonProcessingException {
    return mapper.writeValueAsString(
        ImmutableMap.of(
            "migrations", TruthJson.of(service.recorded(), service.physics().catalog().world())));
  }

  /** The body of {@code GET /sim/truth/bound}. */
  String boundJson() throws JsonProcessingException {
    return mapper.writeValueAsString(
        SoloTruth.of(service.recorded(), service.replayable(), service.driver().policy()));
  }

  /** The body of {@code GET /sim/workloads}: every VM's and host's hidden figures. */
  String workloadsJson() throws JsonProcessingException {
    return mapper.writeValueAsString(WorkloadJson.of(service.physics().catalog().world()));
  }

  /** The body of {@code POST /sim/workloads/dirty}. */
  record DirtyChange(String vm, double factor) {}

  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      String path = new QueryStringDecoder(request.uri()).path();
      HttpMethod method = request.method();
      boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
      try {
        if (path.equals("/sim/migrations") && method.equals(HttpMethod.GET)) {
          reply(ctx, keepAlive, HttpResponseStatus.OK, migrationsJson());
        } else if (path.equals("/sim/truth/bound") && method.equals(HttpMethod.GET)) {
          reply(ctx, keepAlive, HttpResponseStatus.OK, boundJson());
        } else if (path.equals("/sim/workloads") && method.equals(HttpMethod.GET)) {
          reply(ctx, keepAlive, HttpResponseStatus.OK, workloadsJson());
        } else if (path.equals("/sim/workloads/dirty") && method.equals(HttpMethod.GET)) {
          reply(
              ctx,
              keepAlive,
              HttpResponseStatus.OK,
              mapper.writeValueAsString(
                  WorkloadJson.dirtySeries(
                      service.physics().catalog()::workload,
                      new QueryStringDecoder(request.uri()).parameters(),
                      service.clock().nanos())));
        } else if (path.equals("/sim/workloads/dirty") && method.equals(HttpMethod.POST)) {
          DirtyChange change =
              mapper.readValue(
                  request.content().toString(StandardCharsets.UTF_8), DirtyChange.class);
          service.scaleDirtyRate(change.vm(), change.factor());
          reply(ctx, keepAlive, HttpResponseStatus.ACCEPTED, "{}");
        } else if (path.equals("/sim/hosts/load") && method.equals(HttpMethod.GET)) {
          reply(
              ctx,
              keepAlive,
              HttpResponseStatus.OK,
              mapper.writeValueAsString(
                  HostLoadJson.of(
                      service.directory().pools(),
                      service.physics().catalog().world(),
                      new QueryStringDecoder(request.uri()).parameters(),
                      service.clock().nanos())));
        } else if (path.equals("/sim/faults") && method.equals(HttpMethod.GET)) {
          reply(
              ctx,
              keepAlive,
              HttpResponseStatus.OK,
              mapper.writeValueAsString(service.faults().armed()));
        } else if (path.equals("/sim/faults") && method.equals(HttpMethod.POST)) {
          Fault fault =
              mapper.readValue(request.content().toString(StandardCharsets.UTF_8), Fault.class);
          service.inject(fault);
          reply(ctx, keepAlive, HttpResponseStatus.ACCEPTED, "{}");
        } else {
          reply(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, "{\"error\":\"no such endpoint\"}");
        }
      } catch (JsonProcessingException | IllegalArgumentException e) {
        reply(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, "{\"error\":\"malformed request\"}");
      } catch (XapiException e) {
        reply(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, "{\"error\":\"" + e.code() + "\"}");
      }
    }

    private void reply(
        ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String json) {
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
      if (keepAlive) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
      } else {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      }
    }
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
