package io.refgate.attribution;

import io.micrometer.core.instrument.MeterRegistry;
import io.refgate.campaigns.CampaignService;
import io.refgate.clicks.ClickWriter;
import io.refgate.config.RefgateConfig;
import io.refgate.events.Answer;
import io.refgate.events.EventClaim;
import io.refgate.events.EventRequests;
import io.refgate.events.EventService;
import io.refgate.redirect.ClickIds;
import io.refgate.rewards.Reward;
import io.refgate.rewards.RewardService;
import io.refgate.support.EmailHash;
import io.refgate.tenants.Tenant;
import io.refgate.tenants.TenantService;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * POST /v1/events/signup: attributes a new user to a referrer from the click id or code it carries
 * (rules in {@link AttributionRules}), records the decision once per user, and grants signup rewards.
 */
public final class SignupService {
  /** Every answered click is stored within 2 s (CONTRACT §4); past this, a missing click does not exist. */
  private static final long CLICK_STORED_WITHIN_MS = 2_500;

  private final Vertx vertx;
  private final Pool pool;
  private final EventService events;
  private final TenantService tenants;
  private final CampaignService campaigns;
  private final RewardService rewards;
  private final ClickWriter clicks;
  private final AttributionRepository repository = new AttributionRepository();
  private final SignupBatcher batcher;

  public SignupService(Vertx vertx, Pool pool, EventService events, TenantService tenants, CampaignService campaigns, RewardService rewards,
      ClickWriter clicks, RefgateConfig config, MeterRegistry registry) {
    this.vertx = vertx;
    this.pool = pool;
    this.events = events;
    this.tenants = tenants;
    this.campaigns = campaigns;
    this.rewards = rewards;
    this.clicks = clicks;
    this.batcher = new SignupBatcher(vertx, pool, repository, config.signups(), config.pg().connectTimeoutMs(), registry);
  }

  /**
   * The signup goes out with others waiting at the same time, with its event's claim; when it is not
   * recorded that way (its user signed up before, or its event id was taken) the event runs in a
   * transaction instead, which answers the replay, the conflict or the first signup.
   */
  public Future<Answer> signup(UUID tenantId, EventRequests.Signup signup, JsonObject body) {
    return tenants.current(tenantId).compose(tenant -> evidence(tenantId, signup)
        .compose(evidence -> attribution(pool, tenant, signup, evidence))
        .compose(attribution -> events.onceWithin(tenantId, "signup", signup.eventId(), body,
            claim -> recordClaimed(attribution, claim), tx -> record(tx, attribution))));
  }

  /**
   * Attributes a user by a code inside the caller's transaction: a Stripe customer whose metadata
   * carries a refgate_code signed up through that link.
   */
  public Future<Answer> attributeByCode(SqlClient tx, Tenant tenant, String userId, String organizationId, String code, Instant at) {
    EventRequests.Signup signup = new EventRequests.Signup(null, userId, organizationId, null, null, code, at);
    return repository.referralByCode(tx, tenant.id(), code)
        .compose(referral -> attribution(tx, tenant, signup, new AttributionRules.Evidence(false, null, null, true, referral)))
        .compose(attribution -> record(tx, attribution));
  }

  /** Resolves the click id and code outside the transaction: they are read-only and may need a wait. */
  private Future<AttributionRules.Evidence> evidence(UUID tenantId, EventRequests.Signup signup) {
    UUID clickId = signup.clickId() == null ? null : ClickIds.decode(signup.clickId());
    Future<AttributionRules.Referral> clicked = clickId == null ? Future.succeededFuture(null) : clickReferral(tenantId, clickId);
    Future<AttributionRules.Referral> coded = signup.code() == null ? Future.succeededFuture(null)
        : repository.referralByCode(pool, tenantId, signup.code());
    return Future.all(clicked, coded).map(v -> new AttributionRules.Evidence(signup.clickId() != null, clicked.result(),
        clickId == null ? null : clickedAt(clickId), signup.code() != null, coded.result()));
  }

  /**
   * A signup can arrive milliseconds after its click, while the click still waits in a buffer: this
   * instance's is flushed at once; another instance's is stored within 2 s, so a recent click that is
   * still missing is looked up once more after that.
   */
  private Future<AttributionRules.Referral> clickReferral(UUID tenantId, UUID clickId) {
    Instant at = clickedAt(clickId);
    return repository.referralByClick(pool, tenantId, clickId, at).compose(found -> {
      long age = Duration.between(at, Instant.now()).toMillis();
      if (found != null || age > CLICK_STORED_WITHIN_MS) {
        return Future.succeededFuture(found);
      }
      return clicks.flush(CLICK_STORED_WITHIN_MS).otherwiseEmpty()
          .compose(v -> repository.referralByClick(pool, tenantId, clickId, at))
          .compose(again -> again != null ? Future.succeededFuture(again)
              : delay(CLICK_STORED_WITHIN_MS - Duration.between(at, Instant.now()).toMillis())
                  .compose(v -> repository.referralByClick(pool, tenantId, clickId, at)));
    });
  }

  private Future<AttributionRepository.NewSignup> attribution(SqlClient sql, Tenant tenant, EventRequests.Signup signup,
      AttributionRules.Evidence evidence) {
    AttributionRules.NewUser user = new AttributionRules.NewUser(signup.newUserId(), signup.organizationId(),
        EmailHash.of(tenant.id(), signup.email()), signup.occurredAt());
    AttributionRules.Decision decision = AttributionRules.decide(user, evidence, Duration.ofDays(tenant.attributionWindowDays()));
    UUID clickId = signup.clickId() == null ? null : ClickIds.decode(signup.clickId());
    if (decision.status() != AttributionRules.Status.ATTRIBUTED) {
      return Future.succeededFuture(new AttributionRepository.NewSignup(tenant.id(), user, decision, clickId, List.of()));
    }
    return campaigns.current(sql, tenant.id(), decision.referral().campaignId())
        .map(campaign -> new AttributionRepository.NewSignup(tenant.id(), user, decision, clickId,
            rewards.onSignup(new RewardService.Conversion(tenant.id(), user.userId(), decision.referral().referrerUserId(), campaign,
                signup.occurredAt()))));
  }

  /** The signup's answer if it was recorded with its claim; null when it was not, and nothing was stored. */
  private Future<Answer> recordClaimed(AttributionRepository.NewSignup signup, EventClaim claim) {
    Answer fresh = freshAnswer(signup);
    return batcher.record(new AttributionRepository.ClaimedSignup(signup, new EventClaim.Answered(claim, fresh)))
        .map(recorded -> recorded ? stored(signup, fresh) : null);
  }

  /** Records the signup, or, for a user who signed up before, answers that first signup. */
  private Future<Answer> record(SqlClient sql, AttributionRepository.NewSignup signup) {
    return repository.record(sql, signup).compose(recorded -> recorded ? Future.succeededFuture(stored(signup, freshAnswer(signup)))
        : repository.referee(sql, signup.tenantId(), signup.user().userId())
            .compose(existing -> existingAnswer(sql, signup.tenantId(), existing)));
  }

  private Answer stored(AttributionRepository.NewSignup signup, Answer answer) {
    rewards.stored(signup.grants());
    return answer;
  }

  private static Answer freshAnswer(AttributionRepository.NewSignup signup) {
    return Answer.created(answer(signup.decision(), RewardService.refereeOf(signup.grants())));
  }

  private Future<Answer> existingAnswer(SqlClient tx, UUID tenantId, Referee existing) {
    return rewards.refereeSignupReward(tx, tenantId, existing.userId()).map(reward -> Answer.existing(new JsonObject()
        .put("status", existing.status())
        .put("reason", existing.reason())
        .put("referrer_user_id", existing.referrerUserId())
        .put("campaign_id", existing.campaignId() == null ? null : existing.campaignId().toString())
        .put("code", existing.code())
        .put("referee_reward", reward == null ? null : reward.toJson())));
  }

  private static JsonObject answer(AttributionRules.Decision decision, Reward refereeReward) {
    AttributionRules.Referral referral = decision.referral();
    return new JsonObject()
        .put("status", decision.status().name().toLowerCase(Locale.ROOT))
        .put("reason", decision.reason() == null ? null : decision.reason().name().toLowerCase(Locale.ROOT))
        .put("referrer_user_id", referral == null ? null : referral.referrerUserId())
        .put("campaign_id", referral == null ? null : referral.campaignId().toString())
        .put("code", referral == null ? null : referral.code())
        .put("referee_reward", refereeReward == null ? null : refereeReward.toJson());
  }

  private static Instant clickedAt(UUID clickId) {
    return Instant.ofEpochMilli(ClickIds.epochMillis(clickId));
  }

  private Future<Void> delay(long millis) {
    Promise<Void> waited = Promise.promise();
    vertx.setTimer(Math.max(1, millis), id -> waited.complete());
    return waited.future();
  }
}
