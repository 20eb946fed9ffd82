package io.refgate.campaigns;

import io.refgate.cache.LinkInvalidator;
import io.refgate.http.ApiException;
import io.refgate.support.RecentRows;
import io.refgate.tenants.Tenant;
import io.refgate.tenants.TenantService;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Campaign administration; a changed destination reaches cached redirects through the invalidator. */
public final class CampaignService {
  private final Pool pool;
  private final CampaignRepository repository = new CampaignRepository();
  private final TenantService tenants;
  private final LinkInvalidator invalidator;
  private final RecentRows<UUID, Campaign> recent;

  public CampaignService(Pool pool, TenantService tenants, LinkInvalidator invalidator, Duration recentMaxAge) {
    this.pool = pool;
    this.tenants = tenants;
    this.invalidator = invalidator;
    this.recent = new RecentRows<>(recentMaxAge);
  }

  /** {@code draft} builds the campaign from the tenant (whose allowed hosts bound the destination). */
  public Future<Campaign> create(UUID tenantId, Function<Tenant, Campaign> draft) {
    return tenants.get(tenantId).compose(tenant -> repository.insert(pool, draft.apply(tenant)));
  }

  public Future<Campaign> get(UUID tenantId, UUID id) {
    return repository.find(pool, tenantId, id).map(CampaignService::orNotFound);
  }

  /**
   * The campaign whose rules an event applies, inactive ones included: a recent copy (see
   * RecentRows), else read through {@code sql}, the event's own transaction (a second connection
   * per event would let concurrent events wait on each other for the pool).
   */
  public Future<Campaign> current(SqlClient sql, UUID tenantId, UUID id) {
    return recent.get(id, () -> repository.find(sql, tenantId, id))
        .map(campaign -> orNotFound(campaign != null && campaign.tenantId().equals(tenantId) ? campaign : null));
  }

  public Future<List<Campaign>> list(UUID tenantId) {
    return repository.ofTenant(pool, tenantId);
  }

  public Future<List<Campaign>> active(UUID tenantId) {
    return repository.activeOfTenant(pool, tenantId);
  }

  public Future<Campaign> update(UUID tenantId, UUID id, BiFunction<Campaign, Tenant, Campaign> patch) {
    return tenants.get(tenantId).compose(tenant -> pool.withTransaction(sql -> repository.lock(sql, tenantId, id)
            .map(CampaignService::orNotFound)
            .compose(current -> {
              Campaign updated = patch.apply(current, tenant);
              return repository.update(sql, updated)
                  .map(saved -> new Change(current.destinationUrl(), saved));
            })))
        .onSuccess(change -> recent.forget(id))
        .compose(change -> change.destinationChanged()
            ? invalidator.campaignDestination(id).map(change.saved()) : Future.succeededFuture(change.saved()));
  }

  private record Change(String destinationBefore, Campaign saved) {
    boolean destinationChanged() {
      return !destinationBefore.equals(saved.destinationUrl());
    }
  }

  private static Campaign orNotFound(Campaign campaign) {
    if (campaign == null) {
      throw ApiException.notFound("no such campaign");
    }
    return campaign;
  }
}
