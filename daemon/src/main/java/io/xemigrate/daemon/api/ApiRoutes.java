package io.xemigrate.daemon.api;

import com.google.common.collect.ImmutableList;
import java.util.function.Function;

/** The routing table: every endpoint of the API, its method, path pattern and handler. */
final class ApiRoutes {
  /** The handler groups a route's handler comes from. */
  record Apis(SystemApi system, PlansApi plans, RunsApi runs, JobsApi jobs, PoolsApi pools) {}

  /** One row before the handlers exist: the OpenAPI test reads the rows without a server. */
  record Row(
      String method, String pattern, boolean authenticated, Function<Apis, Route.Handler> handler) {
    Route bind(Apis apis) {
      return new Route(method, pattern, authenticated, handler.apply(apis));
    }
  }

  static final ImmutableList<Row> ROWS =
      ImmutableList.of(
          new Row("GET", "/healthz", false, apis -> apis.system()::health),
          get("/metrics", apis -> apis.system()::metrics),
          get("/api/v1/openapi.json", apis -> apis.system()::openApi),
          get("/api/v1/events", apis -> apis.system()::events),
          get("/api/v1/pools", apis -> apis.pools()::list),
          post("/api/v1/checks", apis -> apis.plans()::check),
          post("/api/v1/plans", apis -> apis.plans()::create),
          get("/api/v1/plans", apis -> apis.plans()::list),
          get("/api/v1/plans/{id}", apis -> apis.plans()::get),
          get("/api/v1/plans/{id}/timeline", apis -> apis.plans()::timeline),
          post("/api/v1/plans/{id}/approve", apis -> apis.plans()::approve),
          post("/api/v1/plans/{id}/apply", apis -> apis.runs()::apply),
          get("/api/v1/runs", apis -> apis.runs()::list),
          get("/api/v1/runs/{id}", apis -> apis.runs()::get),
          get("/api/v1/runs/{id}/timeline", apis -> apis.runs()::timeline),
          post("/api/v1/runs/{id}/cancel", apis -> apis.runs()::cancel),
          get("/api/v1/jobs", apis -> apis.jobs()::list),
          get("/api/v1/jobs/{name}", apis -> apis.jobs()::get),
          post("/api/v1/jobs/{name}/run", apis -> apis.jobs()::runNow),
          post("/api/v1/jobs/{name}/pause", apis -> apis.jobs()::pause),
          post("/api/v1/jobs/{name}/resume", apis -> apis.jobs()::resume),
          get("/api/v1/jobs/{name}/history", apis -> apis.jobs()::history));

  private ApiRoutes() {}

  static Router router(Apis apis) {
    return new Router(
        ImmutableList.<Route>builder()
            .addAll(ROWS.stream().map(row -> row.bind(apis)).iterator())
            .addAll(ConsoleAssets.ROUTES)
            .build());
  }

  private static Row get(String pattern, Function<Apis, Route.Handler> handler) {
    return new Row("GET", pattern, true, handler);
  }

  private static Row post(String pattern, Function<Apis, Route.Handler> handler) {
    return new Row("POST", pattern, true, handler);
  }
}
