package io.refgate.tenants;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.refgate.cache.LinkInvalidator;
import io.refgate.http.ApiException;
import io.refgate.support.RecentRows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Tenant administration and API-key authentication. */
public final class TenantService {
  private static final int KEY_CACHE_SIZE = 10_000;

  private final Pool pool;
  private final TenantRepository repository = new TenantRepository();
  private final LinkInvalidator invalidator;
  private final Cache<String, Optional<UUID>> keys;
  private final RecentRows<UUID, Tenant> recent;

  public record Created(Tenant tenant, String apiKey) {
  }

  public TenantService(Pool pool, LinkInvalidator invalidator, Duration keyCacheTtl) {
    this.pool = pool;
    this.invalidator = invalidator;
    this.keys = Caffeine.newBuilder().maximumSize(KEY_CACHE_SIZE).expireAfterWrite(keyCacheTtl).build();
    this.recent = new RecentRows<>(keyCacheTtl);
  }

  public Future<Created> create(Tenant draft) {
    ApiKeys.Key key = ApiKeys.generate();
    return pool.withTransaction(sql -> repository.insert(sql, draft)
        .compose(tenant -> repository.insertKey(sql, tenant.id(), key).map(v -> new Created(tenant, key.plaintext()))));
  }

  public Future<Tenant> get(UUID id) {
    return repository.find(pool, id).map(TenantService::orNotFound);
  }

  /** The tenant as events see it: a copy at most as old as an API key's cached verdict. */
  public Future<Tenant> current(UUID id) {
    return recent.get(id, () -> repository.find(pool, id)).map(TenantService::orNotFound);
  }

  public Future<Optional<Tenant>> findByName(String name) {
    return repository.findByName(pool, name).map(Optional::ofNullable);
  }

  /** Applies {@code patch} to the stored tenant; cached redirects follow when redirect settings changed. */
  public Future<Tenant> update(UUID id, UnaryOperator<Tenant> patch) {
    return pool.withTransaction(sql -> repository.lock(sql, id).map(TenantService::orNotFound)
            .compose(current -> repository.update(sql, patch.apply(current)).map(updated -> new Change(current, updated))))
        .onSuccess(change -> recent.forget(id))
        .compose(change -> (change.affectsRedirects() ? invalidator.tenant(id) : Future.<Void>succeededFuture()).map(change.after()));
  }

  public Future<String> newApiKey(UUID id) {
    ApiKeys.Key key = ApiKeys.generate();
    return get(id).compose(tenant -> repository.insertKey(pool, id, key)).map(key.plaintext());
  }

  public Future<Void> revokeApiKey(UUID id, String prefix) {
    return get(id)
        .compose(tenant -> repository.revokeKey(pool, id, prefix))
        .map(revoked -> {
          if (!revoked) {
            throw ApiException.notFound("no active API key starts with " + prefix);
          }
          keys.invalidateAll();
          return null;
        });
  }

  /** The tenant an API key belongs to, or null for an unknown or revoked key. */
  public Future<UUID> tenantOfKey(String apiKey) {
    Optional<UUID> cached = keys.getIfPresent(apiKey);
    if (cached != null) {
      return Future.succeededFuture(cached.orElse(null));
    }
    return repository.tenantOfKey(pool, ApiKeys.hash(apiKey)).onSuccess(tenant -> keys.put(apiKey, Optional.ofNullable(tenant)));
  }

  private record Change(Tenant before, Tenant after) {
    boolean affectsRedirects() {
      return !(Objects.equals(before.cookieDomain(), after.cookieDomain())
          && before.attributionWindowDays() == after.attributionWindowDays()
          && before.attributionModel().equals(after.attributionModel())
          && before.refParam().equals(after.refParam())
          && before.clickParam().equals(after.clickParam()));
    }
  }

  private static Tenant orNotFound(Tenant tenant) {
    if (tenant == null) {
      throw ApiException.notFound("no such tenant");
    }
    return tenant;
  }
}
