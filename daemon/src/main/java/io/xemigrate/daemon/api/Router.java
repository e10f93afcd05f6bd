package io.xemigrate.daemon.api;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The routing table: finds the route of a method and path, or says why there is none. */
final class Router {
  private final ImmutableList<Route> routes;

  Router(ImmutableList<Route> routes) {
    this.routes = routes;
  }

  ImmutableList<Route> routes() {
    return routes;
  }

  /** The matched route and its path parameters; or the methods the path allows (empty: 404). */
  record Match(Optional<Route> route, ImmutableMap<String, String> parameters, Set<String> allow) {}

  Match find(String method, String path) {
    Set<String> allow = new TreeSet<>();
    for (Route route : routes) {
      Optional<ImmutableMap<String, String>> parameters = route.match(path);
      if (parameters.isPresent()) {
        if (route.method().equals(method)) {
          return new Match(Optional.of(route), parameters.get(), Set.of());
        }
        allow.add(route.method());
      }
    }
    return new Match(Optional.empty(), ImmutableMap.of(), allow);
  }
}
