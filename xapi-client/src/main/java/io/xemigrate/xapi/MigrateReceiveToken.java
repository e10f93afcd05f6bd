package io.xemigrate.xapi;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The result of {@code host.migrate_receive} on the destination pool: a bearer credential (it holds
 * a destination session three times, docs/failure-semantics.md#receive-token). It is never logged:
 * its {@link #toString()} shows only the destination host. {@link #close()} logs its session out on
 * the destination once the migration (or the dry run) has ended.
 *
 * <p>It also carries the destination pool's SR and network references by UUID, which {@code
 * migrate_send} needs for its maps.
 */
public final class MigrateReceiveToken implements AutoCloseable {
  private final String destinationHostUuid;
  private final ImmutableMap<String, String> destination;
  private final ImmutableMap<String, String> srRefsByUuid;
  private final ImmutableMap<String, String> networkRefsByUuid;
  private final Runnable logout;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** For xapi-client: built by {@code PoolClient.migrateReceive}. */
  public MigrateReceiveToken(
      String destinationHostUuid,
      Map<String, String> destination,
      Map<String, String> srRefsByUuid,
      Map<String, String> networkRefsByUuid,
      Runnable logout) {
    this.destinationHostUuid = destinationHostUuid;
    this.destination = ImmutableMap.copyOf(destination);
    this.srRefsByUuid = ImmutableMap.copyOf(srRefsByUuid);
    this.networkRefsByUuid = ImmutableMap.copyOf(networkRefsByUuid);
    this.logout = logout;
  }

  public String destinationHostUuid() {
    return destinationHostUuid;
  }

  /** The map itself, to be put on the wire by xapi-client and nowhere else. */
  public ImmutableMap<String, String> revealDestination() {
    if (closed.get()) {
      throw new IllegalStateException("this migrate_receive token was closed");
    }
    return destination;
  }

  /** The destination pool's reference of an SR, by UUID. */
  public Optional<String> destinationSrRef(String srUuid) {
    return Optional.ofNullable(srRefsByUuid.get(srUuid));
  }

  /** The destination pool's reference of a network, by UUID. */
  public Optional<String> destinationNetworkRef(String networkUuid) {
    return Optional.ofNullable(networkRefsByUuid.get(networkUuid));
  }

  /** Logs the destination session out (once; later calls do nothing). */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      logout.run();
    }
  }

  @Override
  public String toString() {
    return "MigrateReceiveToken[host=" + destinationHostUuid + ", credentials=<redacted>]";
  }
}
