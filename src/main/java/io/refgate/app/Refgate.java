package io.refgate.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.refgate.campaigns.CampaignService;
import io.refgate.clicks.ClickWriter;
import io.refgate.config.RefgateConfig;
import io.refgate.links.LinkService;
import io.refgate.metrics.Metrics;
import io.refgate.redirect.RedirectHandler;
import io.refgate.store.PgTarget;
import io.refgate.store.SchemaMigrator;
import io.refgate.tenants.TenantService;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The running gateway: migrates the schema, builds the shared services, deploys the verticles, and
 * shuts down in the order that loses nothing (stop answering, store buffered clicks, close).
 */
public final class Refgate {
  private final Vertx vertx;
  private final Services services;
  private final Pool pool;
  private final Redis redis;
  private final int httpPort;
  private String httpDeployment;
  private String writerDeployment;
  private String approvalDeployment;
  private ManagementVerticle management;

  private Refgate(Vertx vertx, Services services, Pool pool, Redis redis, int httpPort) {
    this.vertx = vertx;
    this.services = services;
    this.pool = pool;
    this.redis = redis;
    this.httpPort = httpPort;
  }

  /** Starts everything; the future fails with DatabaseUnavailable when PostgreSQL cannot be used. */
  public static Future<Refgate> start(RefgateConfig config) {
    PrometheusMeterRegistry registry = Metrics.registry();
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(Metrics.vertxOptions()).setPreferNativeTransport(true))
        .withMetrics(Metrics.vertxMeters(registry, RedirectHandler.PATH_PREFIX))
        .build();
    PgTarget target = PgTarget.of(config.pg().url(), config.pg().connectTimeoutMs());
    return vertx.executeBlocking(() -> {
          SchemaMigrator.migrate(target);
          return null;
        }, false)
        .compose(v -> deploy(vertx, registry, config, target))
        .onFailure(e -> vertx.close());
  }

  private static Future<Refgate> deploy(Vertx vertx, PrometheusMeterRegistry registry, RefgateConfig config, PgTarget target) {
    Wiring.Clients clients = Wiring.clients(vertx, config, target);
    Services services = Wiring.services(vertx, registry, config, clients);
    int port = config.http().port() == 0 ? freePort() : config.http().port();
    int instances = config.http().instances() == 0 ? Runtime.getRuntime().availableProcessors() : config.http().instances();
    Refgate app = new Refgate(vertx, services, clients.pool(), clients.redis(), port);
    return vertx.deployVerticle(new ClickWriterVerticle(services.clickWriter(), clients.clicks(), config.clicks()))
        .compose(id -> {
          app.writerDeployment = id;
          return vertx.deployVerticle(() -> new HttpVerticle(services, port), new DeploymentOptions().setInstances(instances))
              .recover(e -> Future.failedFuture(new CannotListen("referral links and the API", config.http().host(), port, "http.port", e)));
        })
        .compose(id -> {
          app.httpDeployment = id;
          return vertx.deployVerticle(new RewardApprovalVerticle(services.rewards(), config.rewards().approvalIntervalMs()));
        })
        .compose(id -> {
          app.approvalDeployment = id;
          app.management = new ManagementVerticle(services);
          return vertx.deployVerticle(app.management)
              .recover(e -> Future.failedFuture(new CannotListen("metrics and health", config.management().host(),
                  config.management().port(), "management.port", e)));
        })
        .map(id -> app);
  }

  /**
   * Several HTTP verticles share one port; with port 0 (tests) they must agree on it, so a free
   * port is picked first.
   */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int httpPort() {
    return httpPort;
  }

  public int managementPort() {
    return management.port();
  }

  public TenantService tenants() {
    return services.tenants();
  }

  public CampaignService campaigns() {
    return services.campaigns();
  }

  public LinkService links() {
    return services.links();
  }

  public ClickWriter clickWriter() {
    return services.clickWriter();
  }

  public RefgateConfig config() {
    return services.config();
  }

  /** Graceful shutdown: stop answering, store every buffered click, then close the clients and Vert.x. */
  public Future<Void> stop() {
    // Vert.x completes close() on a thread of its own once its event loops are gone, so the caller's
    // future must not be bound to one of those loops.
    Promise<Void> stopped = Promise.promise();
    vertx.undeploy(httpDeployment)
        .eventually(() -> vertx.undeploy(approvalDeployment))
        .eventually(() -> vertx.undeploy(writerDeployment))
        .eventually(() -> pool.close())
        .eventually(redis::close)
        .onComplete(ar -> vertx.close().onComplete(stopped));
    return stopped.future();
  }
}
