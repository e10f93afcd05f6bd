package io.xemigrate.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.xemigrate.planner.fixtures.Scenario;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResolverTest {

  static Stream<Arguments> rows() {
    return Stream.of(
        row(
            "unknown VM",
            s -> s.request(new MigrationRequest.MoveVms(List.of("nope"), "")),
            ResolutionError.UNKNOWN_VM),
        row(
            "ambiguous VM name",
            s -> {
              s.src.vm("vm1").name("web");
              s.src.vm("vm2", v -> v.name("web").on("s2"));
              s.request(new MigrationRequest.MoveVms(List.of("web"), ""));
            },
            ResolutionError.AMBIGUOUS_VM_NAME),
        row(
            "unknown destination host",
            s -> s.request(new MigrationRequest.MoveVms(List.of("vm1"), "d9")),
            ResolutionError.UNKNOWN_HOST),
        row(
            "unknown SR in a vdi: entry",
            s -> s.overrides = s.overrides.withSrByVdi(Map.of("disk1", "nowhere")),
            ResolutionError.UNKNOWN_SR),
        row(
            "unknown VDI in a vdi: entry",
            s -> s.overrides = s.overrides.withSrByVdi(Map.of("ghost", "dst-nfs")),
            ResolutionError.UNKNOWN_VDI),
        row(
            "unknown VIF in a vif: entry",
            s -> s.overrides = s.overrides.withNetworkByVif(Map.of("ff:ff:ff:ff:ff:ff", "LAN")),
            ResolutionError.UNKNOWN_VIF),
        row(
            "unknown transfer network",
            s -> s.overrides = s.overrides.withTransferNetwork("10G"),
            ResolutionError.UNKNOWN_NETWORK),
        row(
            "bad limits",
            s -> s.overrides = s.overrides.withLimits(new Limits(-1, 2)),
            ResolutionError.INVALID_REQUEST));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void namesThatDoNotResolveAreTypedErrors(
      String name, Consumer<Scenario> fragment, ResolutionError expected) {
    Scenario scenario = Scenario.crossPool();
    fragment.accept(scenario);

    ResolutionException error =
        catchThrowableOfType(ResolutionException.class, () -> Resolver.resolve(scenario.input()));

    assertThat(error).isNotNull();
    assertThat(error.error()).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aNameResolvesLikeAUuidAndAmbiguityListsTheCandidates() {
    Scenario scenario = Scenario.crossPool();
    scenario.src.vm("vm1").name("web");
    scenario.request(new MigrationRequest.MoveVms(List.of("web"), "d1"));
    scenario.overrides = scenario.overrides.withNetworkByVif(Map.of("AA:00:00:00:00:01", "LAN"));

    ResolvedRequest resolved = Resolver.resolve(scenario.input());

    assertThat(resolved.vms()).extracting(vm -> vm.uuid()).containsExactly("vm1");
    assertThat(resolved.candidateHosts()).containsExactly("d1");
    assertThat(resolved.nicOverrides().networkByVifOrMac())
        .containsEntry("aa:00:00:00:00:01", "dst-lan");

    scenario.src.vm("vm2", v -> v.name("web"));
    ResolutionException error =
        catchThrowableOfType(ResolutionException.class, () -> Resolver.resolve(scenario.input()));
    assertThat(error.candidates()).containsExactly("vm1", "vm2");
  }

  private static Arguments row(String name, Consumer<Scenario> fragment, ResolutionError error) {
    return Arguments.of(name, fragment, error);
  }
}
