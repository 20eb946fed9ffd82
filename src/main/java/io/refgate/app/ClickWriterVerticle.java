package io.refgate.app;

import io.refgate.clicks.ClickPartitions;
import io.refgate.clicks.ClickWriter;
import io.refgate.config.RefgateConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.SqlClient;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the click writer on its own context and keeps the click partitions ahead of time. */
final class ClickWriterVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ClickWriterVerticle.class);
  private static final long UPKEEP_INTERVAL_MS = TimeUnit.HOURS.toMillis(6);

  private final ClickWriter writer;
  private final SqlClient sql;
  private final RefgateConfig.Clicks config;

  ClickWriterVerticle(ClickWriter writer, SqlClient sql, RefgateConfig.Clicks config) {
    this.writer = writer;
    this.sql = sql;
    this.config = config;
  }

  @Override
  public Future<?> start() {
    return ClickPartitions.ensure(sql, config.partitionMonthsAhead()).onSuccess(v -> {
      writer.start();
      vertx.setPeriodic(UPKEEP_INTERVAL_MS, id -> ClickPartitions.ensure(sql, config.partitionMonthsAhead())
          .onFailure(e -> LOG.warn("click partition upkeep failed; clicks go to the default partition meanwhile: {}", e.getMessage())));
    });
  }

  /** Graceful shutdown: the HTTP verticles are gone by now; store what they answered. */
  @Override
  public Future<?> stop() {
    return writer.drain().eventually(sql::close);
  }
}
