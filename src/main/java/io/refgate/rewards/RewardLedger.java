package io.refgate.rewards;

import io.refgate.http.ApiException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Reading the ledger, marking rewards paid, and approving what is due (CONTRACT §6). */
public final class RewardLedger {
  private static final int APPROVAL_BATCH = 1000;
  private static final String CURSOR_PREFIX = "r:";

  private final Pool pool;
  private final RewardRepository repository = new RewardRepository();
  private final RewardMetrics metrics;

  public RewardLedger(Pool pool, RewardMetrics metrics) {
    this.pool = pool;
    this.metrics = metrics;
  }

  /** A page, newest first; {@code nextCursor} is null on the last page. */
  public record Page(List<Reward> items, String nextCursor) {
  }

  public Future<Page> page(UUID tenantId, String status, String userId, String cursor, int limit) {
    Long before = cursor == null ? null : decodeCursor(cursor);
    return repository.page(pool, tenantId, status, userId, before, limit + 1).map(rows -> {
      boolean more = rows.size() > limit;
      List<RewardRepository.Listed> items = more ? rows.subList(0, limit) : rows;
      return new Page(items.stream().map(RewardRepository.Listed::reward).toList(),
          more ? encodeCursor(items.get(items.size() - 1).seq()) : null);
    });
  }

  public Future<Reward> markPaid(UUID tenantId, UUID id) {
    return repository.markPaid(pool, tenantId, id).compose(paid -> {
      if (paid != null) {
        metrics.record(RewardMetrics.Status.PAID, 1);
        return Future.succeededFuture(paid);
      }
      return repository.status(pool, tenantId, id).map(status -> {
        throw status == null ? ApiException.notFound("no such reward")
            : ApiException.conflict("reward_not_approved", "only an approved reward can be marked paid; this one is " + status);
      });
    });
  }

  /** Approves every pending reward whose hold has passed; answers how many this call approved. */
  public Future<Integer> approveDue() {
    return repository.approveDue(pool, APPROVAL_BATCH).compose(approved -> {
      metrics.record(RewardMetrics.Status.APPROVED, approved);
      return approved == APPROVAL_BATCH ? approveDue().map(more -> approved + more) : Future.succeededFuture(approved);
    });
  }

  static String encodeCursor(long seq) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.UTF_8));
  }

  static Long decodeCursor(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(CURSOR_PREFIX)) {
        return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ApiException.invalidField("cursor", "is not a cursor this API returned");
  }
}
