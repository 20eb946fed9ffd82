package io.refgate.billing;

import io.refgate.attribution.AttributionRepository;
import io.refgate.campaigns.CampaignService;
import io.refgate.events.Answer;
import io.refgate.events.EventRequests;
import io.refgate.events.EventService;
import io.refgate.http.ApiException;
import io.refgate.rewards.Reward;
import io.refgate.rewards.RewardRules;
import io.refgate.rewards.RewardService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.UUID;

/**
 * POST /v1/events/billing (and Stripe's payments): a payment matches an attribution by user or
 * organisation and earns the campaign's rewards; a refund shrinks the rewards of its payment by
 * the refunded share. A payment id is counted once, whatever event ids carry it.
 */
public final class BillingService {
  private final EventService events;
  private final RewardService rewards;
  private final PaymentRepository payments = new PaymentRepository();
  private final AttributionRepository attributions = new AttributionRepository();
  private final CampaignService campaigns;

  public BillingService(EventService events, CampaignService campaigns, RewardService rewards) {
    this.events = events;
    this.campaigns = campaigns;
    this.rewards = rewards;
  }

  public Future<Answer> billing(UUID tenantId, EventRequests.Billing billing, JsonObject body) {
    return events.once(tenantId, "billing", billing.eventId(), body, tx -> effect(tx, tenantId, billing));
  }

  /** The effect of a billing event inside the caller's event transaction. */
  public Future<Answer> effect(SqlClient tx, UUID tenantId, EventRequests.Billing billing) {
    return billing.isRefund() ? refund(tx, tenantId, billing) : payment(tx, tenantId, billing);
  }

  /** How much of a payment is refunded so far, or null when the payment is unknown. */
  public Future<Long> refundedSoFar(SqlClient sql, UUID tenantId, String paymentId) {
    return payments.find(sql, tenantId, paymentId).map(payment -> payment == null ? null : payment.refundedMinor());
  }

  private Future<Answer> payment(SqlClient tx, UUID tenantId, EventRequests.Billing billing) {
    return attributions.converting(tx, tenantId, billing.newUserId(), billing.organizationId()).compose(referee -> payments
        .insert(tx, tenantId, billing.paymentId(), referee == null ? null : referee.userId(), referee == null ? null : referee.campaignId(),
            billing.amountMinor(), billing.currency(), billing.occurredAt())
        .compose(seq -> {
          if (seq == null) {
            return alreadyPaid(tx, tenantId, billing.paymentId());
          }
          if (referee == null || seq == 0) {
            return Future.succeededFuture(Answer.created(Reward.conversionAnswer(referee != null, List.of())));
          }
          return campaigns.current(tx, tenantId, referee.campaignId())
              .compose(campaign -> rewards.onPayment(tx, new RewardService.Conversion(tenantId, referee.userId(), referee.referrerUserId(),
                  campaign, billing.occurredAt()), billing.paymentId(), new RewardRules.Payment(billing.amountMinor(), billing.currency(), seq)))
              .map(granted -> Answer.created(Reward.conversionAnswer(true, granted)));
        }));
  }

  /** The same payment again under a new event id: nothing changes; the answer shows its rewards. */
  private Future<Answer> alreadyPaid(SqlClient tx, UUID tenantId, String paymentId) {
    return payments.find(tx, tenantId, paymentId).compose(payment -> rewards.ofPayment(tx, tenantId, paymentId)
        .map(paid -> Answer.existing(Reward.conversionAnswer(payment.refereeUserId() != null, paid))));
  }

  /** A refund of the whole remaining amount when none is given; never more than remains. */
  private Future<Answer> refund(SqlClient tx, UUID tenantId, EventRequests.Billing billing) {
    return payments.lock(tx, tenantId, billing.paymentId()).compose(payment -> {
      if (payment == null) {
        throw ApiException.notFound("no payment with payment_id " + billing.paymentId() + " was reported");
      }
      if (billing.currency() != null && !billing.currency().equals(payment.currency())) {
        throw ApiException.invalidField("currency", "must be the payment's currency, " + payment.currency());
      }
      long remaining = payment.amountMinor() - payment.refundedMinor();
      long refunded = billing.amountMinor() == null ? remaining : Math.min(billing.amountMinor(), remaining);
      long after = payment.refundedMinor() + refunded;
      boolean attributed = payment.refereeUserId() != null;
      if (refunded == 0) {
        return Future.succeededFuture(Answer.created(Reward.conversionAnswer(attributed, List.of())));
      }
      return payments.setRefunded(tx, tenantId, payment.paymentId(), after)
          .compose(v -> rewards.onRefund(tx, tenantId, payment.paymentId(), payment.amountMinor(), payment.refundedMinor(), after))
          .map(changed -> Answer.created(Reward.conversionAnswer(attributed, changed)));
    });
  }
}
