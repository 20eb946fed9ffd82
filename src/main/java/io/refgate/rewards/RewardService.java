package io.refgate.rewards;

import io.refgate.campaigns.Campaign;
import io.refgate.campaigns.RewardRule;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Turns conversions into ledger entries, inside the caller's transaction (which holds the
 * referee's lock, so caps are computed on a stable history). Each grant carries a dedupe key: one
 * referrer reward per payment, one signup reward per referee, one reward per milestone name.
 */
public final class RewardService {
  private static final String REFERRER = "referrer";
  private static final String REFEREE = "referee";

  private final RewardRepository repository = new RewardRepository();
  private final RewardMetrics metrics;

  public RewardService(RewardMetrics metrics) {
    this.metrics = metrics;
  }

  /** An attributed referee's conversion: who referred whom, in which campaign, when. */
  public record Conversion(UUID tenantId, String refereeUserId, String referrerUserId, Campaign campaign, Instant at) {
  }

  /** The signup rewards; answers the referee's (null when it gets none). */
  public Future<Reward> onSignup(SqlClient tx, Conversion c) {
    return grantBoth(tx, c, "signup", null, RewardRules::onSignup)
        .map(granted -> granted.stream().filter(r -> r.beneficiary().equals(REFEREE)).findFirst().orElse(null));
  }

  public Future<List<Reward>> onMilestone(SqlClient tx, Conversion c, String name) {
    return grantBoth(tx, c, "milestone:" + name, null, (rule, already) -> RewardRules.onMilestone(rule, name, already));
  }

  public Future<List<Reward>> onPayment(SqlClient tx, Conversion c, String paymentId, RewardRules.Payment payment) {
    return grantBoth(tx, c, "payment:" + paymentId, paymentId, (rule, already) -> RewardRules.onPayment(rule, payment, already));
  }

  /**
   * A payment's refunds went from {@code before} to {@code after} of {@code paymentMinor}: its
   * rewards shrink by that share; pending ones in place (cancelled at zero), approved or paid ones
   * through a negative clawback entry.
   */
  public Future<List<Reward>> onRefund(SqlClient tx, UUID tenantId, String paymentId, long paymentMinor, long before, long after) {
    return repository.lockOfPayment(tx, tenantId, paymentId).compose(rewards -> {
      List<Reward> changed = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (Reward reward : rewards) {
        long reduction = RefundShare.reduction(reward.originalMinor(), paymentMinor, before, after);
        if (reduction > 0) {
          chain = chain.compose(v -> shrinkOrClaw(tx, tenantId, reward, reduction).map(changed::add).mapEmpty());
        }
      }
      return chain.map(changed);
    });
  }

  /** The referee reward a signup granted, for answering a repeated signup. */
  public Future<Reward> refereeSignupReward(SqlClient sql, UUID tenantId, String refereeUserId) {
    return repository.byDedupeKey(sql, tenantId, dedupeKey(REFEREE, "signup", refereeUserId));
  }

  public Future<List<Reward>> ofPayment(SqlClient sql, UUID tenantId, String paymentId) {
    return repository.ofPayment(sql, tenantId, paymentId);
  }

  private Future<Reward> shrinkOrClaw(SqlClient tx, UUID tenantId, Reward reward, long reduction) {
    if (reward.status().equals("pending")) {
      long left = reward.amountMinor() - reduction;
      return repository.shrink(tx, reward.id(), left)
          .onSuccess(r -> metrics.record(RewardMetrics.Status.CANCELLED, left == 0 ? 1 : 0));
    }
    return repository.insert(tx, new RewardRepository.Entry(tenantId, reward.userId(), reward.beneficiary(), "clawback", reward.type(),
            -reduction, reward.currency(), "approved", reward.campaignId(), reward.refereeUserId(), reward.paymentId(),
            reward.trigger(), reward.description(), reward.id(), null, Instant.now()))
        .onSuccess(r -> metrics.record(RewardMetrics.Status.CLAWBACK, 1));
  }

  private Future<List<Reward>> grantBoth(SqlClient tx, Conversion c, String event, String paymentId,
      BiFunction<RewardRule, Long, Optional<RewardRules.Grant>> rules) {
    List<Reward> granted = new ArrayList<>();
    return grant(tx, c, REFERRER, c.referrerUserId(), c.campaign().referrerReward(), event, paymentId, rules).map(granted::add)
        .compose(v -> grant(tx, c, REFEREE, c.refereeUserId(), c.campaign().refereeReward(), event, paymentId, rules)).map(granted::add)
        .map(v -> granted.stream().filter(r -> r != null).toList());
  }

  private Future<Reward> grant(SqlClient tx, Conversion c, String beneficiary, String userId, RewardRule rule, String event,
      String paymentId, BiFunction<RewardRule, Long, Optional<RewardRules.Grant>> rules) {
    // the rules grant less, never more, the more was granted before: the history is read only
    // when a capped rule grants something at all
    if (rule == null || rules.apply(rule, 0L).isEmpty()) {
      return Future.succeededFuture(null);
    }
    Future<Long> before = rule.capMinor() == null ? Future.succeededFuture(0L)
        : repository.granted(tx, c.tenantId(), c.refereeUserId(), c.campaign().id(), beneficiary);
    return before.compose(already -> {
      Optional<RewardRules.Grant> grant = rules.apply(rule, already);
      if (grant.isEmpty()) {
        return Future.succeededFuture(null);
      }
      Instant availableAt = c.at().plus(Duration.ofDays(c.campaign().holdDays()));
      return repository.insert(tx, new RewardRepository.Entry(c.tenantId(), userId, beneficiary, "reward",
              rule.type().name().toLowerCase(Locale.ROOT), grant.get().amountMinor(), grant.get().currency(), "pending",
              c.campaign().id(), c.refereeUserId(), paymentId, rule.trigger().name().toLowerCase(Locale.ROOT), rule.description(),
              null, dedupeKey(beneficiary, event, c.refereeUserId()), availableAt))
          .onSuccess(r -> metrics.record(RewardMetrics.Status.PENDING, r == null ? 0 : 1));
    });
  }

  /** Payment keys already name one payment; other events are per referee. */
  private static String dedupeKey(String beneficiary, String event, String refereeUserId) {
    return event.startsWith("payment:") ? beneficiary + ":" + event : beneficiary + ":" + event + ":" + refereeUserId;
  }
}
