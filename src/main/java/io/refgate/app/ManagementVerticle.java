package io.refgate.app;

import io.refgate.health.HealthRoutes;
import io.refgate.http.Problems;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

/** The management port: Prometheus /metrics and the health checks. */
final class ManagementVerticle extends VerticleBase {
  private final Services services;
  private HttpServer server;

  ManagementVerticle(Services services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(services.registry()));
    HealthRoutes.mount(router, services.health());
    router.route().failureHandler(Problems::handle);
    router.errorHandler(404, Problems::handle);
    router.errorHandler(405, Problems::handle);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(services.config().management().host())
        .setPort(services.config().management().port());
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
  }

  int port() {
    return server.actualPort();
  }
}
