package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.refgate.app.Refgate;
import io.refgate.testing.Api;
import io.refgate.testing.Db;
import io.refgate.testing.Metrics;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The reward ledger and its approval (CONTRACT §6)")
class RewardLedgerIT {
  private final Api api = new Api(TestGateway.shared());
  private final Api.Tenant tenant = api.tenant();

  /** Referees r0…r{n-1} of "ana", each paying once: one pending 20 % reward each. */
  private void rewards(Api on, Api.Tenant owner, int n, int holdDays) {
    on.campaign(owner, new JsonObject().put("hold_days", holdDays));
    String code = on.referrer(owner, "ana");
    for (int i = 0; i < n; i++) {
      on.event(owner, "signup", new JsonObject().put("event_id", "s" + i).put("new_user_id", "r" + i).put("code", code));
      on.event(owner, "billing", new JsonObject().put("event_id", "p" + i).put("type", "invoice.paid").put("new_user_id", "r" + i)
          .put("payment_id", "in_" + i).put("amount_minor", 1000 + i).put("currency", "EUR"));
    }
  }

  @Test
  @DisplayName("pages walk the whole ledger newest first, each entry once, with filters by status and user")
  void pages() {
    rewards(api, tenant, 7, 30);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Api.Reply page = api.get("/v1/rewards?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), tenant.apiKey());
      assertThat(page.status()).isEqualTo(200);
      page.items().forEach(item -> seen.add(((JsonObject) item).getString("id")));
      cursor = page.json().getString("next_cursor");
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    JsonObject newest = api.get("/v1/rewards?limit=1", tenant.apiKey()).items().getJsonObject(0);
    assertThat(newest.getString("payment_id")).isEqualTo("in_6");
    assertThat(newest.fieldNames()).contains("id", "user_id", "beneficiary", "kind", "amount_minor", "currency", "status", "campaign_id",
        "payment_id", "created_at", "available_at");
    assertThat(api.get("/v1/rewards?status=pending&user_id=ana", tenant.apiKey()).items()).hasSize(7);
    assertThat(api.get("/v1/rewards?status=approved", tenant.apiKey()).items()).isEmpty();
    assertThat(api.get("/v1/rewards?user_id=nobody", tenant.apiKey()).items()).isEmpty();
  }

  @Test
  @DisplayName("bad list parameters are 422 naming the parameter")
  void badParameters() {
    assertThat(api.get("/v1/rewards?status=lost", tenant.apiKey()).errorFields()).containsExactly("status");
    assertThat(api.get("/v1/rewards?limit=0", tenant.apiKey()).errorFields()).containsExactly("limit");
    assertThat(api.get("/v1/rewards?limit=abc", tenant.apiKey()).errorFields()).containsExactly("limit");
    assertThat(api.get("/v1/rewards?cursor=%25%25", tenant.apiKey()).errorFields()).containsExactly("cursor");
  }

  @Test
  @DisplayName("only an approved reward can be marked paid; anything else is 409, another tenant's reward 404")
  void markPaid() {
    rewards(api, tenant, 1, 30);
    String id = api.get("/v1/rewards", tenant.apiKey()).items().getJsonObject(0).getString("id");

    Api.Reply pending = api.post("/v1/rewards/" + id + "/paid", tenant.apiKey(), new JsonObject());
    Db.update("UPDATE rewards SET status = 'approved' WHERE id = ?::uuid", id);
    Api.Reply foreign = api.post("/v1/rewards/" + id + "/paid", api.tenant().apiKey(), new JsonObject());
    Api.Reply paid = api.post("/v1/rewards/" + id + "/paid", tenant.apiKey(), new JsonObject());
    Api.Reply twice = api.post("/v1/rewards/" + id + "/paid", tenant.apiKey(), new JsonObject());

    assertThat(pending.status()).isEqualTo(409);
    assertThat(pending.json().getString("detail")).contains("pending");
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(paid.status()).isEqualTo(200);
    assertThat(paid.json().getString("status")).isEqualTo("paid");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(api.post("/v1/rewards/" + UUID.randomUUID() + "/paid", tenant.apiKey(), new JsonObject()).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("two gateways running the approval job approve each due reward exactly once, and nothing still on hold")
  void approvesOnceWithTwoInstances() throws InterruptedException {
    Map<String, String> fast = Map.of("rewards.approval_interval_ms", "20");
    Refgate one = TestGateway.start(fast);
    Refgate two = TestGateway.start(fast);
    try {
      Api first = new Api(one);
      Api.Tenant owner = first.tenant();
      rewards(first, owner, 40, 0);
      Api.Tenant held = first.tenant();
      rewards(first, held, 3, 30);

      await().atMost(Duration.ofSeconds(10)).until(() -> approvedCount(one, two) >= 40);
      Thread.sleep(300);

      assertThat(approvedCount(one, two)).isEqualTo(40);
      assertThat(Db.count("SELECT count(*) FROM rewards WHERE tenant_id = ? AND status = 'approved'", owner.id())).isEqualTo(40);
      assertThat(first.get("/v1/rewards?status=pending", held.apiKey()).items()).hasSize(3);
    } finally {
      TestGateway.stop(one);
      TestGateway.stop(two);
    }
  }

  /** Approvals counted by both gateways: a reward approved twice would be counted twice. */
  private static double approvedCount(Refgate one, Refgate two) {
    return Metrics.sum(new Api(one).management("/metrics").body(), "refgate_rewards_total{status=\"approved\"}")
        + Metrics.sum(new Api(two).management("/metrics").body(), "refgate_rewards_total{status=\"approved\"}");
  }
}
