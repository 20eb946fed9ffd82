package io.refgate.app;

import io.refgate.redirect.RedirectHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * The public port. One instance per event loop; referral links skip the router, everything else
 * goes through it.
 */
final class HttpVerticle extends VerticleBase {
  private static final CharSequence DATE = HttpHeaders.createOptimized("Date");

  private final Services services;
  private final int port;
  private Router router;
  private RedirectHandler redirects;

  HttpVerticle(Services services, int port) {
    this.services = services;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    router = PublicRouter.create(vertx, services);
    redirects = services.redirects();
    HttpServerOptions options = new HttpServerOptions()
        .setHost(services.config().http().host())
        .setPort(port)
        .setCompressionSupported(false)
        .setTcpNoDelay(true)
        // every response is written on the event loop its request arrived on, so writes may skip
        // Vert.x's cross-thread queue; a write from another thread fails instead (load-tests/README.md)
        .setStrictThreadMode(true)
        // no WebSocket and no HTTP/2 without TLS is served: their pipeline handlers stay out
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setHttp2ClearTextEnabled(false);
    return vertx.createHttpServer(options).requestHandler(this::handle).listen();
  }

  private void handle(HttpServerRequest request) {
    request.response().putHeader(DATE, services.date().now());
    String path = request.path();
    if (path != null && path.startsWith(RedirectHandler.PATH_PREFIX)) {
      redirects.handle(request);
    } else {
      router.handle(request);
    }
  }
}
