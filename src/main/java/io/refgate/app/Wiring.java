package io.refgate.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.refgate.attribution.MilestoneService;
import io.refgate.attribution.SignupService;
import io.refgate.billing.BillingService;
import io.refgate.cache.CodeCache;
import io.refgate.cache.EditNotices;
import io.refgate.cache.GuardedRedis;
import io.refgate.cache.LinkInvalidator;
import io.refgate.cache.LookupMetrics;
import io.refgate.campaigns.CampaignService;
import io.refgate.clicks.ClickBuffer;
import io.refgate.clicks.ClickWriter;
import io.refgate.clicks.PgClickSink;
import io.refgate.config.RefgateConfig;
import io.refgate.events.EventMetrics;
import io.refgate.events.EventService;
import io.refgate.health.HealthChecks;
import io.refgate.http.HttpDate;
import io.refgate.links.ActivityService;
import io.refgate.links.LinkService;
import io.refgate.redirect.BotDetector;
import io.refgate.redirect.LinkTarget;
import io.refgate.redirect.RedirectHandler;
import io.refgate.redirect.RedirectMetrics;
import io.refgate.reports.ReportService;
import io.refgate.rewards.RewardLedger;
import io.refgate.rewards.RewardMetrics;
import io.refgate.rewards.RewardService;
import io.refgate.store.PgTarget;
import io.refgate.stripe.StripeService;
import io.refgate.tenants.TenantService;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Builds the clients and the services, once, in dependency order. */
final class Wiring {
  private Wiring() {
  }

  /** The API's pool, the click writer's pipelined connections, and Redis. */
  record Clients(Pool pool, SqlClient clicks, Redis redis) {
  }

  static Clients clients(Vertx vertx, RefgateConfig config, PgTarget target) {
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(config.pg().poolSize()).setName("api")
            .setConnectionTimeout(config.pg().connectTimeoutMs()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
        .with(target.netOptions())
        .connectingTo(new PgConnectOptions(target.options()).setCachePreparedStatements(true).setMetricsName("api"))
        .using(vertx).build();
    SqlClient clicks = PgBuilder.client()
        .with(new PoolOptions().setMaxSize(config.clicks().writerConnections()).setName("clicks"))
        .with(target.netOptions())
        .connectingTo(new PgConnectOptions(target.options()).setCachePreparedStatements(true).setPipeliningLimit(16).setMetricsName("clicks"))
        .using(vertx).build();
    Redis redis = Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(config.redis().url().toString())
        .setMaxPoolSize(config.redis().poolSize())
        .setMaxPoolWaiting(10_000)
        .setPoolName("cache")
        .setMetricsName("cache")
        .setNetClientOptions(new NetClientOptions().setConnectTimeout(Math.max(250, config.redis().timeoutMs() * 4))));
    return new Clients(pool, clicks, redis);
  }

  static Services services(Vertx vertx, PrometheusMeterRegistry registry, RefgateConfig config, Clients clients) {
    Pool pool = clients.pool();
    GuardedRedis redis = new GuardedRedis(vertx, clients.redis(), config.redis());
    CodeCache<LinkTarget> codes = new CodeCache<>(vertx, pool, redis, new EditNotices(vertx, redis, config), config,
        link -> LinkTarget.compile(link, config.cookie().secure()), new LookupMetrics(registry)).followEdits();
    LinkInvalidator invalidator = new LinkInvalidator(pool, codes);
    TenantService tenants = new TenantService(pool, invalidator, Duration.ofMillis(config.cache().localTtlMs()));
    CampaignService campaigns = new CampaignService(pool, tenants, invalidator, Duration.ofMillis(config.cache().localTtlMs()));
    ClickBuffer buffer = new ClickBuffer(config.clicks().bufferCapacity(), registry);
    ClickWriter writer = new ClickWriter(vertx, buffer, new PgClickSink(clients.clicks()), config.clicks(), registry);
    BotDetector bots = config.bots().file() == null ? BotDetector.bundled() : BotDetector.fromFile(config.bots().file());
    RedirectHandler redirects = new RedirectHandler(codes, buffer, bots, new RedirectMetrics(registry),
        config.redirect().fallbackUrl(), config.http().trustProxyHops());
    EventService events = new EventService(pool, new EventMetrics(registry));
    RewardMetrics rewardMetrics = new RewardMetrics(registry);
    RewardService rewards = new RewardService(rewardMetrics);
    SignupService signups = new SignupService(vertx, pool, events, tenants, campaigns, rewards, writer, config, registry);
    BillingService billing = new BillingService(events, campaigns, rewards);
    return new Services(config, registry, tenants, campaigns, new LinkService(pool, tenants, campaigns, invalidator), events, signups,
        new MilestoneService(events, campaigns, rewards), billing, new ActivityService(pool, events), new RewardLedger(pool, rewardMetrics),
        new ReportService(pool, campaigns), new StripeService(events, tenants, billing, signups), redirects, writer,
        new HealthChecks(pool, clients.redis()), new HttpDate(vertx));
  }
}
