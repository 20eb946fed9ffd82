package io.refgate.app;

import io.refgate.rewards.RewardLedger;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Approves due rewards every rewards.approval_interval_ms; safe with any number of instances. */
final class RewardApprovalVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RewardApprovalVerticle.class);

  private final RewardLedger ledger;
  private final long intervalMs;
  private boolean running;

  RewardApprovalVerticle(RewardLedger ledger, long intervalMs) {
    this.ledger = ledger;
    this.intervalMs = intervalMs;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(intervalMs, id -> approve());
    return Future.succeededFuture();
  }

  private void approve() {
    if (running) {
      return;
    }
    running = true;
    ledger.approveDue()
        .onSuccess(approved -> {
          if (approved > 0) {
            LOG.info("approved {} rewards whose hold has passed", approved);
          }
        })
        .onFailure(e -> LOG.warn("reward approval failed, retrying in {} ms: {}", intervalMs, e.getMessage()))
        .onComplete(ar -> running = false);
  }
}
