package io.xemigrate.simulator.wire;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.xemigrate.simulator.rpc.Dispatcher;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The HTTP(S) side of the simulator: one listening socket per simulated host, each on its own
 * loopback address with its own self-signed certificate, all sharing one event loop group and one
 * worker pool.
 */
public final class RpcServer implements AutoCloseable {
  /** xapi's connection limit, reused as the worker cap: each call holds a worker. */
  static final int MAX_WORKERS = 800;

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

  /**
   * Calls beyond {@link #MAX_WORKERS} wait in line, as they do in xapi (its connections queue in
   * the listen backlog and its thread pool), instead of failing: a busy xapi is slow, not broken.
   * Idle workers end after 30 s so an idle simulator holds no threads.
   */
  private final ExecutorService workers = queuedWorkers();

  private static ThreadPoolExecutor queuedWorkers() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            MAX_WORKERS,
            MAX_WORKERS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "xapi-sim-rpc");
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private final boolean tls;
  private final List<Channel> channels = new ArrayList<>();

  private RpcServer(boolean tls) {
    this.tls = tls;
  }

  /** A server answering HTTPS; each endpoint presents the certificate it is bound with. */
  public static RpcServer https() {
    return new RpcServer(true);
  }

  /** A server answering plain HTTP. */
  public static RpcServer plainHttp() {
    return new RpcServer(false);
  }

  public boolean tls() {
    return tls;
  }

  /**
   * Binds {@code hostRef}'s endpoint on {@code address}, port {@code port} (0: a free one), with
   * {@code certificate} (ignored for plain HTTP). Returns the port, or empty when that port is
   * taken on that address.
   */
  public synchronized OptionalInt bind(
      Dispatcher dispatcher,
      String hostRef,
      InetAddress address,
      int port,
      SelfSignedCertificate certificate) {
    Optional<SslContext> ssl = tls ? Optional.of(sslContext(certificate)) : Optional.empty();
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    RequestLimits limits = new RequestLimits();
                    ssl.ifPresent(s -> channel.pipeline().addLast(s.newHandler(channel.alloc())));
                    channel.pipeline().addLast(new ReadWatcher(limits));
                    channel
                        .pipeline()
                        .addLast(
                            new HttpServerCodec(4096, RequestLimits.MAX_HEADERS, 8192),
                            limits,
                            new HttpObjectAggregator(RequestLimits.MAX_BODY),
                            new RpcHandler(dispatcher, hostRef, workers, limits));
                  }
                });
    ChannelFuture bound =
        bootstrap.bind(new InetSocketAddress(address, port)).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      return OptionalInt.empty();
    }
    channels.add(bound.channel());
    return OptionalInt.of(((InetSocketAddress) bound.channel().localAddress()).getPort());
  }

  /** Closes every endpoint bound so far (to start again on another port). */
  public synchronized void unbindAll() {
    for (Channel channel : channels) {
      channel.close().syncUninterruptibly();
    }
    channels.clear();
  }

  /** The pool that runs calls; the simulator shares it with nothing else. */
  public ExecutorService workers() {
    return workers;
  }

  @Override
  public synchronized void close() {
    unbindAll();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownNow();
  }

  private static SslContext sslContext(SelfSignedCertificate certificate) {
    try {
      return SslContextBuilder.forServer(certificate.key(), certificate.certificate()).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up TLS", e);
    }
  }

  /** Sees raw bytes before the HTTP decoder, so a slow header sender keeps its timer fresh. */
  private static final class ReadWatcher extends ChannelInboundHandlerAdapter {
    private final RequestLimits limits;

    ReadWatcher(RequestLimits limits) {
      this.limits = limits;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf) {
        limits.bytesArrived(ctx.pipeline().context(limits));
      }
      ctx.fireChannelRead(msg);
    }
  }
}
