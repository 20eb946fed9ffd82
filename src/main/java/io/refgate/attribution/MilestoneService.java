package io.refgate.attribution;

import io.refgate.campaigns.CampaignService;
import io.refgate.events.Answer;
import io.refgate.events.EventRequests;
import io.refgate.events.EventService;
import io.refgate.rewards.Reward;
import io.refgate.rewards.RewardService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.UUID;

/** POST /v1/events/milestone: a referee reached a named step; rewards with that milestone trigger pay out. */
public final class MilestoneService {
  private final EventService events;
  private final RewardService rewards;
  private final AttributionRepository repository = new AttributionRepository();
  private final CampaignService campaigns;

  public MilestoneService(EventService events, CampaignService campaigns, RewardService rewards) {
    this.events = events;
    this.campaigns = campaigns;
    this.rewards = rewards;
  }

  public Future<Answer> milestone(UUID tenantId, EventRequests.Milestone milestone, JsonObject body) {
    return events.once(tenantId, "milestone", milestone.eventId(), body, tx -> record(tx, tenantId, milestone));
  }

  private Future<Answer> record(SqlClient tx, UUID tenantId, EventRequests.Milestone milestone) {
    return repository.converting(tx, tenantId, milestone.newUserId(), milestone.organizationId()).compose(referee -> {
      if (referee == null) {
        return Future.succeededFuture(Answer.created(Reward.conversionAnswer(false, List.of())));
      }
      return campaigns.current(tx, tenantId, referee.campaignId())
          .compose(campaign -> rewards.onMilestone(tx, new RewardService.Conversion(tenantId, referee.userId(),
              referee.referrerUserId(), campaign, milestone.occurredAt()), milestone.name()))
          .map(granted -> Answer.created(Reward.conversionAnswer(true, granted)));
    });
  }
}
