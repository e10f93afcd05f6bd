package io.xemigrate.simulator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.VirtualClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectStoreTest {
  private final ObjectStore store = new ObjectStore(VirtualClock.manual(), Instant.EPOCH);
  private final List<Subscription> all = List.of(Subscription.parse("*"));

  @Test
  void newObjectsTakeSchemaDefaultsAndKeepBothSidesOfLinks() {
    String vm = store.create(XapiClass.VM, ImmutableMap.of("uuid", "u-vm", "name_label", "a"));
    String vbd = store.create(XapiClass.VBD, ImmutableMap.of("uuid", "u-vbd", "VM", vm));

    assertThat(store.get(XapiClass.VM, vm).string("power_state")).isEqualTo("Halted");
    assertThat(store.get(XapiClass.VM, vm).strings("VBDs")).containsExactly(vbd);

    store.destroy(XapiClass.VBD, vbd);
    assertThat(store.get(XapiClass.VM, vm).strings("VBDs")).isEmpty();
  }

  @Test
  void eventsAreCoalescedPerObject() {
    String vm = store.create(XapiClass.VM, ImmutableMap.of("uuid", "u1"));
    String gone = store.create(XapiClass.VM, ImmutableMap.of("uuid", "u2"));
    long since = store.generation();
    store.set(XapiClass.VM, vm, "name_label", "one");
    store.set(XapiClass.VM, vm, "name_label", "two");
    store.destroy(XapiClass.VM, gone);
    String born = store.create(XapiClass.VM, ImmutableMap.of("uuid", "u3"));

    List<Event> events = store.eventsSince(all, since).events();

    assertThat(events)
        .extracting(Event::ref, Event::operation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(born, Event.Operation.ADD),
            org.assertj.core.groups.Tuple.tuple(vm, Event.Operation.MOD),
            org.assertj.core.groups.Tuple.tuple(gone, Event.Operation.DEL));
    assertThat(events.get(1).snapshot().orElseThrow().string("name_label")).isEqualTo("two");
  }

  @Test
  void wrongTypesAndUnknownFieldsAreProgrammingErrors() {
    String vm = store.create(XapiClass.VM, ImmutableMap.of("uuid", "u1"));

    assertThatThrownBy(() -> store.set(XapiClass.VM, vm, "VCPUs_max", "two"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.set(XapiClass.VM, vm, "colour", "blue"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void missingObjectsAreHandleInvalid() {
    assertThatThrownBy(() -> store.get(XapiClass.SR, "OpaqueRef:x"))
        .isInstanceOfSatisfying(
            XapiException.class,
            e ->
                assertThat(e.description()).containsExactly("HANDLE_INVALID", "SR", "OpaqueRef:x"));
  }

  @Test
  void awaitWaitersSeesACallerBlockedOnTheNextChange() throws Exception {
    long since = store.generation();
    java.util.concurrent.CompletableFuture<Boolean> waiter =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return store.awaitGenerationAfter(since, java.time.Duration.ofMinutes(1));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
              }
            });

    assertThat(store.awaitWaiters(1, java.time.Duration.ofMinutes(1))).isEqualTo(1);
    store.create(XapiClass.VM, ImmutableMap.of("uuid", "u-wake"));

    assertThat(waiter.get(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    assertThat(store.awaitWaiters(0, java.time.Duration.ZERO)).isZero();
  }
}
