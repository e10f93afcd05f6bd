package io.xemigrate.daemon.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.planning.JournalCalibration;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API server (netty): JSON under {@code /api/v1}, {@code /healthz}, {@code /metrics}, the
 * event stream. Plain HTTP only on a loopback address; TLS with the configured PEM files otherwise.
 */
public final class ApiServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.xemigrate.api");

  /** Request line and header limits; larger requests are refused with 414 or 431. */
  static final int MAX_INITIAL_LINE = 4096;

  static final int MAX_HEADER_BYTES = 8192;

  /** Comment lines on idle event streams, so proxies and clients keep the connection. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final EventLoopGroup group;
  private final Channel listener;
  private final ChannelGroup connections;
  private final ThreadPoolExecutor workers;
  private final RunsApi runs;
  private final PlanStore store;
  private final Journal journal;
  private boolean closed;

  private ApiServer(
      EventLoopGroup group,
      Channel listener,
      ChannelGroup connections,
      ThreadPoolExecutor workers,
      RunsApi runs,
      PlanStore store,
      Journal journal) {
    this.group = group;
    this.listener = listener;
    this.connections = connections;
    this.workers = workers;
    this.runs = runs;
    this.store = store;
    this.journal = journal;
  }

  /**
   * Reads the token file, binds and starts serving.
   *
   * @throws ApiStartException one line saying what is wrong with the settings (token file, TLS
   *     files, address) and what to do
   */
  public static ApiServer start(ApiSettings settings, ApiServices services) {
    InetAddress address = address(settings);
    BearerToken token = BearerToken.read(settings.tokenFile());
    Optional<SslContext> ssl = settings.tls().map(ApiServer::sslContext);
    Journal journal = Journal.open(services.database(), services.clock());
    PlanStore store = PlanStore.open(services.database());
    PlansApi plans =
        new PlansApi(
            new PlanFactory(
                services.pools(),
                services.connector(),
                () -> {
                  synchronized (journal) {
                    return JournalCalibration.of(journal);
                  }
                }),
            store,
            services.clock());
    RunsApi runs = new RunsApi(services, plans, store, journal);
    Router router =
        ApiRoutes.router(
            new ApiRoutes.Apis(
                new SystemApi(services.events()),
                plans,
                runs,
                new JobsApi(services.jobs()),
                new PoolsApi(services.pools(), services.connector())));
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            4,
            4,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256),
            task -> {
              Thread thread = new Thread(task, "xe-migrate-api");
              thread.setDaemon(true);
              return thread;
            });
    ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    EventStreams streams = new EventStreams(services.events(), connections, KEEP_ALIVE);
    ConnectionGuard guard = new ConnectionGuard(settings.readTimeout(), settings.maxConnections());
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 128)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    Optional<ConnectionGuard.Deadline> deadline = guard.admit(channel);
                    if (deadline.isEmpty()) {
                      var unused = channel.close();
                      return;
                    }
                    connections.add(channel);
                    ssl.ifPresent(s -> channel.pipeline().addLast(s.newHandler(channel.alloc())));
                    channel
                        .pipeline()
                        .addLast(
                            new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192),
                            deadline.get(),
                            new BodyLimit(settings.maxBodyBytes()),
                            new InOrder(),
                            new ApiHandler(router, token, workers, streams));
                  }
                });
    // awaitUninterruptibly, not sync: sync rethrows the bind failure (a checked BindException)
    // past every catch of RuntimeException, and the daemon then runs on without its API.
    ChannelFuture bound =
        bootstrap.bind(new InetSocketAddress(address, settings.port())).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
      workers.shutdownNow();
      store.close();
      journal.close();
      throw new ApiStartException(
          "cannot listen on "
              + settings.host()
              + ":"
              + settings.port()
              + " ("
              + bindFailure(bound.cause())
              + "): choose a free port in api.listen");
    }
    ApiServer server =
        new ApiServer(group, bound.channel(), connections, workers, runs, store, journal);
    LOG.log(
        Level.INFO,
        () ->
            "HTTP API listening on "
                + (ssl.isPresent() ? "https://" : "http://")
                + address.getHostAddress()
                + ":"
                + server.port());
    return server;
  }

  /** The operating system's words for a failed bind, without a Java class name. */
  private static String bindFailure(Throwable cause) {
    if (cause instanceof BindException && cause.getMessage() != null) {
      return cause.getMessage().toLowerCase(Locale.ROOT);
    }
    return "the address cannot be bound";
  }

  /** The endpoints, as {@code "METHOD /path/{param}"}: what the OpenAPI document must describe. */
  public static List<String> endpoints() {
    return ApiRoutes.ROWS.stream().map(row -> row.method() + " " + row.pattern()).toList();
  }

  /** The port the server listens on (the one chosen when the settings said 0). */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /**
   * Stops accepting, closes every connection and the event streams, waits for running plans. A
   * second call (the shutdown hook and the serve loop both close) does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    listener.close().syncUninterruptibly();
    connections.close().awaitUninterruptibly();
    workers.shutdown();
    runs.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    store.close();
    synchronized (journal) {
      journal.close();
    }
  }

  private static InetAddress address(ApiSettings settings) {
    InetAddress address;
    try {
      address = InetAddress.getByName(settings.host());
    } catch (UnknownHostException e) {
      throw new ApiStartException(
          "cannot resolve the API address '" + settings.host() + "': give an IP address");
    }
    if (settings.tls().isEmpty() && !address.isLoopbackAddress()) {
      throw new ApiStartException(
          "the API would serve plain HTTP on "
              + settings.host()
              + ": without api.tls it listens only on a loopback address (127.0.0.1); add a"
              + " certificate and key");
    }
    return address;
  }

  private static SslContext sslContext(ApiSettings.Tls tls) {
    try {
      return SslContextBuilder.forServer(tls.certificate().toFile(), tls.key().toFile()).build();
    } catch (javax.net.ssl.SSLException | IllegalArgumentException e) {
      throw new ApiStartException(
          "cannot use the TLS certificate "
              + tls.certificate()
              + " and key "
              + tls.key()
              + ": give a PEM certificate chain and an unencrypted PKCS#8 PEM key");
    }
  }

  /** The aggregator with a JSON 413 instead of netty's empty one. */
  private static final class BodyLimit extends HttpObjectAggregator {
    private final int max;

    BodyLimit(int max) {
      super(max);
      this.max = max;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      ApiException tooLarge =
          new ApiException(
              413,
              "BODY_TOO_LARGE",
              "the request body is larger than " + max + " bytes: send a smaller one");
      // Keep-alive: netty skips the rest of the body and the connection serves the next request.
      Responses.send(ctx, Responses.error(tooLarge), HttpUtil.isKeepAlive(oversized));
    }
  }
}
