package io.refgate.rewards;

import io.refgate.campaigns.Campaign;
import io.refgate.campaigns.RewardRule;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

  /** A reward not stored yet, and the key that keeps it from being granted twice. */
  public record NewReward(Reward reward, String dedupeKey) {
  }

  /** How many rewards a signup grants at most: the referrer's and the referee's. */
  public static final int MAX_SIGNUP_GRANTS = 2;

  /**
   * The signup rewards of a newly attributed referee, to be stored with its attribution (see
   * {@link RewardRepository#grantsCte}): nothing was granted for this referee before, so no cap is
   * reached yet and no history needs reading.
   */
  public List<NewReward> onSignup(Conversion c) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<NewReward> granted = new ArrayList<>(MAX_SIGNUP_GRANTS);
    signupReward(c, REFERRER, c.referrerUserId(), c.campaign().referrerReward(), now).ifPresent(granted::add);
    signupReward(c, REFEREE, c.refereeUserId(), c.campaign().refereeReward(), now).ifPresent(granted::add);
    return granted;
  }

  /** The referee's reward among new signup rewards; null when it gets none. */
  public static Reward refereeOf(List<NewReward> grants) {
    return grants.stream().map(NewReward::reward).filter(r -> r.beneficiary().equals(REFEREE)).findFirst().orElse(null);
  }

  /** Counts signup rewards once their statement stored them. */
  public void stored(List<NewReward> rewards) {
    metrics.record(RewardMetrics.Status.PENDING, rewards.size());
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

  private static Optional<NewReward> signupReward(Conversion c, String beneficiary, String userId, RewardRule rule, Instant now) {
    return RewardRules.onSignup(rule, 0L).map(grant -> new NewReward(new Reward(UUID.randomUUID(), userId, beneficiary, "reward",
        lower(rule.type()), grant.amountMinor(), grant.amountMinor(), grant.currency(), "pending", c.campaign().id(),
        c.refereeUserId(), null, lower(rule.trigger()), rule.description(), now, availableAt(c)),
        dedupeKey(beneficiary, "signup", c.refereeUserId())));
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
      return repository.insert(tx, new RewardRepository.Entry(c.tenantId(), userId, beneficiary, "reward",
              lower(rule.type()), grant.get().amountMinor(), grant.get().currency(), "pending",
              c.campaign().id(), c.refereeUserId(), paymentId, lower(rule.trigger()), rule.description(),
              null, dedupeKey(beneficiary, event, c.refereeUserId()), availableAt(c)))
          .onSuccess(r -> metrics.record(RewardMetrics.Status.PENDING, r == null ? 0 : 1));
    });
  }

  private static Instant availableAt(Conversion c) {
    return c.at().plus(Duration.ofDays(c.campaign().holdDays()));
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** Payment keys already name one payment; other events are per referee. */
  private static String dedupeKey(String beneficiary, String event, String refereeUserId) {
    return event.startsWith("payment:") ? beneficiary + ":" + event : beneficiary + ":" + event + ":" + refereeUserId;
  }
}
