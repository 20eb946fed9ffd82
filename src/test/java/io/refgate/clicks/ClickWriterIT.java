package io.refgate.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.refgate.redirect.ClickIds;
import io.refgate.testing.Db;
import io.refgate.testing.TestEnvironment;
import io.refgate.testing.TestGateway;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.SqlClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The click pipeline: bounded buffer, batch writer, hourly counters")
class ClickWriterIT {
  private final Vertx vertx = Vertx.vertx();
  private final SqlClient sql = PgBuilder.client().connectingTo(PgConnectOptions.fromUri(TestEnvironment.pgUrl())).using(vertx).build();
  private final long linkId = System.nanoTime();
  private final UUID tenant = UUID.randomUUID();
  private final UUID campaign = UUID.randomUUID();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ClickBuffer buffer = new ClickBuffer(10_000, registry);
  private final List<List<Click>> batches = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void schema() {
    TestGateway.shared();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private Click click(long epochMillis, boolean bot) {
    return click(linkId, epochMillis, bot);
  }

  private Click click(long link, long epochMillis, boolean bot) {
    return new Click(ClickIds.next(epochMillis), link, tenant, campaign, "192.0.2.55", "agent", "https://blog.example/post", bot);
  }

  /** A writer of {@link #buffer} on its own event loop, draining only when told to, into {@link #batches} and PostgreSQL. */
  private ClickWriter writer(Map<String, String> settings) {
    Map<String, String> config = new HashMap<>(settings);
    config.put("clicks.flush_interval_ms", "60000");
    PgClickSink pg = new PgClickSink(sql);
    ClickWriter writer = new ClickWriter(vertx, buffer, batch -> {
      batches.add(List.copyOf(batch));
      return pg.write(batch);
    }, TestEnvironment.config(config).clicks(), registry);
    Promise<Void> started = Promise.promise();
    vertx.runOnContext(v -> {
      writer.start();
      started.complete();
    });
    started.future().await();
    return writer;
  }

  @Test
  @DisplayName("a batch becomes click rows and per-hour human and bot counts")
  void writesRowsAndCounters() {
    long hour = Instant.now().truncatedTo(ChronoUnit.HOURS).toEpochMilli();
    List<Click> batch = List.of(click(hour + 1, false), click(hour + 2, false), click(hour + 3, true),
        click(hour - 1, false));

    new PgClickSink(sql).write(batch).await();

    assertThat(Db.count("SELECT count(*) FROM clicks WHERE link_id = ?", linkId)).isEqualTo(4);
    assertThat(Db.rows("SELECT human, bots FROM link_clicks_hourly WHERE link_id = ? ORDER BY hour", linkId))
        .containsExactly(Map.of("human", 1L, "bots", 0L), Map.of("human", 2L, "bots", 1L));
    assertThat(Db.one("SELECT ip_prefix FROM clicks WHERE link_id = ? LIMIT 1", linkId)).isEqualTo("192.0.2.0");
    assertThat(Db.one("SELECT referer_host FROM clicks WHERE link_id = ? LIMIT 1", linkId)).isEqualTo("blog.example");
  }

  @Test
  @DisplayName("a batch sent again (its first outcome unknown) is stored and counted once")
  void retriesAreIdempotent() {
    List<Click> batch = List.of(click(System.currentTimeMillis(), false), click(System.currentTimeMillis(), false));
    PgClickSink sink = new PgClickSink(sql);

    sink.write(batch).await();
    sink.write(batch).await();

    assertThat(Db.count("SELECT count(*) FROM clicks WHERE link_id = ?", linkId)).isEqualTo(2);
    assertThat(Db.count("SELECT sum(human) FROM link_clicks_hourly WHERE link_id = ?", linkId)).isEqualTo(2);
  }

  @Test
  @DisplayName("a batch holding an already stored click in a later row stores its new clicks, and counts them once")
  void storedClickInALaterRow() {
    Click stored = click(System.currentTimeMillis(), false);
    PgClickSink sink = new PgClickSink(sql);
    sink.write(List.of(stored)).await();

    sink.write(List.of(click(System.currentTimeMillis(), false), stored, click(System.currentTimeMillis(), true))).await();

    assertThat(Db.count("SELECT count(*) FROM clicks WHERE link_id = ?", linkId)).isEqualTo(3);
    assertThat(Db.rows("SELECT sum(human)::bigint AS human, sum(bots)::bigint AS bots FROM link_clicks_hourly WHERE link_id = ?", linkId))
        .containsExactly(Map.of("human", 2L, "bots", 1L));
  }

  @Test
  @DisplayName("a full buffer drops and counts new clicks instead of blocking the event loop")
  void boundedBuffer() {
    ClickBuffer small = new ClickBuffer(3, registry);

    for (int i = 0; i < 5; i++) {
      small.offer(click(System.currentTimeMillis(), false));
    }

    assertThat(small.size()).isEqualTo(3);
    assertThat(registry.get("refgate.clicks.dropped").counter().count()).isEqualTo(2);
  }

  @Test
  @DisplayName("drain stores everything buffered in batches of a sixteenth of it, and the pending gauge returns to zero")
  void drains() {
    ClickWriter writer = writer(Map.of("clicks.min_batch_size", "50", "clicks.batch_size", "200"));
    List<Click> clicks = new ArrayList<>();
    for (int i = 0; i < 1_050; i++) {
      clicks.add(click(System.currentTimeMillis(), i % 10 == 0));
    }
    clicks.forEach(buffer::offer);

    writer.drain().await();

    assertThat(Db.count("SELECT count(*) FROM clicks WHERE link_id = ?", linkId)).isEqualTo(1_050);
    assertThat(batches).extracting(List::size).containsExactly(65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 10);
    assertThat(registry.get("refgate.clicks.written").counter().count()).isEqualTo(1_050);
    assertThat(registry.get("refgate.clicks.pending").gauge().value()).isZero();
  }

  @Test
  @DisplayName("a drain batches each link's clicks together, so that each batch updates few hourly counters")
  void batchesByLink() {
    ClickWriter writer = writer(Map.of("clicks.min_batch_size", "100", "clicks.batch_size", "100"));
    long now = System.currentTimeMillis();
    for (int i = 0; i < 300; i++) {
      buffer.offer(click(linkId + i % 3, now, false));
    }

    writer.drain().await();

    assertThat(batches).hasSize(3).allSatisfy(batch -> assertThat(batch).extracting(Click::linkId).containsOnly(batch.get(0).linkId()));
    assertThat(Db.rows("SELECT link_id, human FROM link_clicks_hourly WHERE link_id BETWEEN ? AND ? ORDER BY link_id", linkId, linkId + 2))
        .containsExactly(Map.of("link_id", linkId, "human", 100L), Map.of("link_id", linkId + 1, "human", 100L),
            Map.of("link_id", linkId + 2, "human", 100L));
  }

  @Test
  @DisplayName("flush stores the buffered clicks and answers on the caller's event loop, where its request is answered")
  void flushAnswersOnTheCallersContext() {
    ClickWriter writer = writer(Map.of());
    buffer.offer(click(System.currentTimeMillis(), false));
    Context caller = vertx.getOrCreateContext();
    Promise<Boolean> onCaller = Promise.promise();

    caller.runOnContext(v -> writer.flush(5_000).onComplete(ar -> onCaller.complete(ar.succeeded() && Vertx.currentContext() == caller)));

    assertThat(onCaller.future().await()).isTrue();
    assertThat(Db.count("SELECT count(*) FROM clicks WHERE link_id = ?", linkId)).isEqualTo(1);
  }

  @Test
  @DisplayName("clicks in a month without a partition are kept, and moved into the partition once it is made, even while more arrive")
  void defaultPartition() throws SQLException {
    // the first month past those the gateway made at start-up (clicks.partition_months_ahead = 3)
    long farFuture = YearMonth.now(ZoneOffset.UTC).plusMonths(4).atDay(2).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    new PgClickSink(sql).write(List.of(click(farFuture, false))).await();
    assertThat(Db.count("SELECT count(*) FROM clicks_default WHERE link_id = ?", linkId)).isEqualTo(1);

    Future<Void> upkeep;
    try (Connection writer = TestEnvironment.jdbc(); PreparedStatement insert = writer.prepareStatement(
        "INSERT INTO clicks (click_id, clicked_at, tenant_id, link_id, campaign_id, bot) VALUES (?, ?, ?, ?, ?, false)")) {
      writer.setAutoCommit(false);
      Click arriving = click(farFuture + 1, false);
      insert.setObject(1, arriving.id());
      insert.setObject(2, OffsetDateTime.ofInstant(Instant.ofEpochMilli(arriving.epochMillis()), ZoneOffset.UTC));
      insert.setObject(3, tenant);
      insert.setLong(4, linkId);
      insert.setObject(5, campaign);
      insert.executeUpdate();
      upkeep = ClickPartitions.ensure(sql, 30);
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Db.count(
          "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%ensure_click_partitions%'") > 0);
      writer.commit();
    }
    upkeep.await();

    assertThat(Db.count("SELECT count(*) FROM clicks_default WHERE link_id = ?", linkId)).isZero();
    assertThat(Db.count("SELECT count(*) FROM clicks WHERE link_id = ?", linkId)).isEqualTo(2);
  }

}
