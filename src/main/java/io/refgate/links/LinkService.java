package io.refgate.links;

import io.refgate.cache.LinkInvalidator;
import io.refgate.campaigns.Campaign;
import io.refgate.campaigns.CampaignSelector;
import io.refgate.campaigns.CampaignService;
import io.refgate.http.ApiException;
import io.refgate.store.SqlStates;
import io.refgate.support.Base62;
import io.refgate.support.EmailHash;
import io.refgate.tenants.AllowedHosts;
import io.refgate.tenants.TenantService;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Enrolment of referrers and their links (CONTRACT §3). */
public final class LinkService {
  /** Generated codes: 8 random base62 characters, 47 bits; a collision just draws again. */
  static final int GENERATED_CODE_LENGTH = 8;
  private static final int CODE_ATTEMPTS = 5;
  private static final String REFERRER_UNIQUE = "referrers_tenant_id_user_id_key";

  private final Pool pool;
  private final LinkRepository repository = new LinkRepository();
  private final TenantService tenants;
  private final CampaignService campaigns;
  private final LinkInvalidator invalidator;

  public LinkService(Pool pool, TenantService tenants, CampaignService campaigns, LinkInvalidator invalidator) {
    this.pool = pool;
    this.tenants = tenants;
    this.campaigns = campaigns;
    this.invalidator = invalidator;
  }

  /**
   * A referrer's enrolment: its campaign and active code; {@code created} for a new referrer,
   * {@code issued} when this call made the code.
   */
  public record Enrollment(String userId, UUID campaignId, String code, boolean created, boolean issued) {
  }

  /**
   * Upserts the referrer and makes sure it has an active link, in the campaign its attributes select
   * when it needs a new one. Serialised per referrer by the row lock; two first calls racing on the
   * insert end with one referrer (the loser retries as an update).
   */
  public Future<Enrollment> enroll(UUID tenantId, Referrer referrer) {
    return campaigns.active(tenantId)
        .compose(active -> enrollOnce(tenantId, referrer, active)
            .recover(e -> SqlStates.isUniqueViolation(e, REFERRER_UNIQUE) ? enrollOnce(tenantId, referrer, active) : Future.failedFuture(e)))
        .compose(enrollment -> enrollment.issued() ? invalidator.code(enrollment.code()).map(enrollment)
            : Future.succeededFuture(enrollment));
  }

  private Future<Enrollment> enrollOnce(UUID tenantId, Referrer referrer, List<Campaign> active) {
    byte[] emailHash = EmailHash.of(tenantId, referrer.email());
    return pool.withTransaction(sql -> repository.lockReferrer(sql, tenantId, referrer.userId()).compose(existing -> {
      if (existing == null) {
        Campaign campaign = select(active, referrer.attributesOrEmpty(), referrer.userId());
        return repository.insertReferrer(sql, tenantId, referrer, emailHash, campaign.id())
            .compose(id -> newCode(sql, tenantId, id, campaign.id(), null))
            .map(code -> new Enrollment(referrer.userId(), campaign.id(), code, true, true));
      }
      return repository.updateReferrer(sql, existing, referrer, emailHash)
          .compose(attributes -> repository.activeLink(sql, existing).compose(link -> link != null
              ? Future.succeededFuture(new Enrollment(referrer.userId(), link.campaignId(), link.code(), false, false))
              : reenroll(sql, tenantId, existing, referrer.userId(), attributes, active)));
    }));
  }

  /** A known referrer whose links were all disabled gets a fresh one. */
  private Future<Enrollment> reenroll(SqlClient sql, UUID tenantId, long referrerId, String userId, Map<String, String> attributes,
      List<Campaign> active) {
    Campaign campaign = select(active, attributes, userId);
    return repository.setReferrerCampaign(sql, referrerId, campaign.id())
        .compose(v -> newCode(sql, tenantId, referrerId, campaign.id(), null))
        .map(code -> new Enrollment(userId, campaign.id(), code, false, true));
  }

  public Future<Enrollment> activeLink(UUID tenantId, String userId) {
    return repository.referrerByUser(pool, tenantId, userId)
        .compose(row -> row == null ? Future.succeededFuture(null) : repository.activeLink(pool, row.getLong("id")))
        .map(link -> {
          if (link == null) {
            throw ApiException.notFound("no active link for user " + userId);
          }
          return new Enrollment(userId, link.campaignId(), link.code(), false, false);
        });
  }

  public Future<Link> create(UUID tenantId, LinkRequest.NewLink request) {
    return tenants.get(tenantId).compose(tenant -> {
      if (request.destinationUrl() != null) {
        String problem = AllowedHosts.problemWith(request.destinationUrl(), tenant.allowedHosts());
        if (problem != null) {
          throw ApiException.invalidField("destination_url", problem);
        }
      }
      return repository.referrerByUser(pool, tenantId, request.userId());
    }).compose(referrer -> {
      if (referrer == null) {
        throw ApiException.notFound("no referrer with user_id " + request.userId());
      }
      UUID campaignId = request.campaignId() == null ? referrer.getUUID("campaign_id") : request.campaignId();
      return campaigns.get(tenantId, campaignId).compose(campaign -> request.code() == null
          ? newCode(pool, tenantId, referrer.getLong("id"), campaignId, request.destinationUrl())
          : customCode(tenantId, referrer.getLong("id"), campaignId, request));
    }).compose(code -> invalidator.code(code).compose(v -> get(tenantId, code)));
  }

  public Future<Link> get(UUID tenantId, String code) {
    return repository.view(pool, tenantId, code).map(link -> {
      if (link == null) {
        throw ApiException.notFound("no link with code " + code);
      }
      return link;
    });
  }

  public Future<Link> change(UUID tenantId, String code, LinkRequest.Change change) {
    Future<Void> checked = change.destinationUrl() == null ? Future.succeededFuture()
        : tenants.get(tenantId).map(tenant -> {
          String problem = AllowedHosts.problemWith(change.destinationUrl(), tenant.allowedHosts());
          if (problem != null) {
            throw ApiException.invalidField("destination_url", problem);
          }
          return null;
        });
    return checked.compose(v -> repository.update(pool, tenantId, code, change))
        .compose(found -> {
          if (!found) {
            throw ApiException.notFound("no link with code " + code);
          }
          return invalidator.code(code);
        })
        .compose(v -> get(tenantId, code));
  }

  private Future<String> customCode(UUID tenantId, long referrerId, UUID campaignId, LinkRequest.NewLink request) {
    return repository.insertLink(pool, request.code(), tenantId, referrerId, campaignId, request.destinationUrl())
        .map(inserted -> {
          if (!inserted) {
            throw ApiException.conflict("code_taken", "the code " + request.code() + " is already in use");
          }
          return request.code();
        });
  }

  private Future<String> newCode(SqlClient sql, UUID tenantId, long referrerId, UUID campaignId, String destination) {
    return attempt(sql, tenantId, referrerId, campaignId, destination, CODE_ATTEMPTS);
  }

  private Future<String> attempt(SqlClient sql, UUID tenantId, long referrerId, UUID campaignId, String destination, int left) {
    String code = Base62.random(GENERATED_CODE_LENGTH);
    return repository.insertLink(sql, code, tenantId, referrerId, campaignId, destination).compose(inserted -> {
      if (inserted) {
        return Future.succeededFuture(code);
      }
      return left > 1 ? attempt(sql, tenantId, referrerId, campaignId, destination, left - 1)
          : Future.failedFuture(new IllegalStateException("no free code after " + CODE_ATTEMPTS + " draws"));
    });
  }

  private static Campaign select(List<Campaign> active, Map<String, String> attributes, String userId) {
    return CampaignSelector.select(active, attributes, userId).orElseThrow(() ->
        ApiException.invalidField("attributes", "no active campaign matches this referrer; create one or widen a segment"));
  }
}
