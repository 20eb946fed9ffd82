package io.refgate.clicks;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where click batches go. PostgreSQL today; past one primary, a Kafka producer (DESIGN.md). A write
 * must be idempotent: a batch whose outcome was unknown is sent again.
 */
public interface ClickSink {
  Future<Void> write(List<Click> batch);
}
