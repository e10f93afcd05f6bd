package io.xemigrate.planner.balance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.xemigrate.xapi.model.RrdColumn;
import io.xemigrate.xapi.model.RrdRow;
import io.xemigrate.xapi.model.RrdUpdates;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolLoadTest {
  @Test
  void readsHostAndVmLoadFromAnExport() {
    ImmutableList<RrdColumn> columns =
        ImmutableList.of(
            new RrdColumn("AVERAGE", "host", "h1", "cpu_avg"),
            new RrdColumn("AVERAGE", "host", "h1", "memory_free_kib"),
            new RrdColumn("AVERAGE", "vm", "v1", "cpu0"),
            new RrdColumn("AVERAGE", "vm", "v1", "cpu1"),
            new RrdColumn("AVERAGE", "vm", "v1", "memory"),
            new RrdColumn("AVERAGE", "vm", "v1", "memory_internal_free"),
            new RrdColumn("AVERAGE", "vm", "v1", "cpu_usage"));
    RrdUpdates export =
        new RrdUpdates(
            "h1",
            0,
            60,
            120,
            columns,
            ImmutableList.of(
                new RrdRow(60, ImmutableList.of(0.4, 1000.0, 0.5, 0.1, 4096.0, 2.0, 9.0)),
                new RrdRow(120, ImmutableList.of(0.6, 3000.0, 0.7, Double.NaN, 4096.0, 4.0, 9.0))));

    PoolLoad load = PoolLoad.of(List.of(export));

    assertThat(load.hostCpuFraction()).containsEntry("h1", 0.5);
    assertThat(load.hostMemoryFreeBytes()).containsEntry("h1", 2000.0 * 1024);
    assertThat(load.vmCpuCores().get("v1"))
        .isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(load.vmMemoryBytes()).containsEntry("v1", 4096.0);
    assertThat(load.vmMemoryInternalFreeBytes()).containsEntry("v1", 3.0 * 1024);
  }
}
