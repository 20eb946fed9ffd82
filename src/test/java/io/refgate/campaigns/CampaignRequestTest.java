package io.refgate.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refgate.campaigns.RewardRule.Trigger;
import io.refgate.http.ApiException;
import io.refgate.http.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CampaignRequestTest {
  private static final UUID TENANT = UUID.randomUUID();
  private static final List<String> HOSTS = List.of("acme.example", "*.acme.example");
  private static final String REFERRER_REWARD = "'referrer_reward': {'type': 'percent', 'percent': 20, 'trigger': 'every_payment'}";
  private static final String MINIMAL = "{'name': 'Business tier 2026', 'destination_url': 'https://acme.example/signup', "
      + REFERRER_REWARD + "}";

  private static String minimalWith(String extra) {
    return MINIMAL.substring(0, MINIMAL.length() - 1) + ", " + extra + "}";
  }

  private static JsonObject json(String text) {
    return new JsonObject(text.replace('\'', '"'));
  }

  private static Campaign create(String text) {
    return CampaignRequest.create(json(text), TENANT, HOSTS);
  }

  private static void assertInvalid(Runnable call, String... fields) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(fields);
    });
  }

  @Test
  @DisplayName("a campaign with only its required fields is active, holds rewards 30 days and has priority 100")
  void createDefaults() {
    Campaign campaign = create(MINIMAL);
    assertThat(campaign.tenantId()).isEqualTo(TENANT);
    assertThat(campaign.name()).isEqualTo("Business tier 2026");
    assertThat(campaign.destinationUrl()).isEqualTo("https://acme.example/signup");
    assertThat(campaign.referrerReward().type()).isEqualTo(RewardRule.Type.PERCENT);
    assertThat(campaign.refereeReward()).isNull();
    assertThat(campaign.holdDays()).isEqualTo(30);
    assertThat(campaign.priority()).isEqualTo(100);
    assertThat(campaign.segment()).isEmpty();
    assertThat(campaign.experiment()).isNull();
    assertThat(campaign.active()).isTrue();
  }

  @Test
  @DisplayName("the contract's full example is read field by field")
  void createFullExample() {
    Campaign campaign = create("{'name': 'Business tier 2026', 'destination_url': 'https://www.acme.example/signup', "
        + "'referrer_reward': {'type': 'percent', 'percent': 20, 'trigger': 'every_payment', 'max_payments': 12, 'cap_minor': 50000}, "
        + "'referee_reward': {'type': 'credit', 'amount_minor': 2000, 'currency': 'EUR', 'description': '1 month free'}, "
        + "'hold_days': 14, 'segment': {'tier': ['business', 'enterprise'], 'region': ['EU']}, 'priority': 10, "
        + "'experiment': {'key': 'q1-reward-test', 'weight': 50}}");
    assertThat(campaign.referrerReward().maxPayments()).isEqualTo(12);
    assertThat(campaign.refereeReward().trigger()).isEqualTo(Trigger.SIGNUP);
    assertThat(campaign.holdDays()).isEqualTo(14);
    assertThat(campaign.segment()).isEqualTo(Map.of("tier", List.of("business", "enterprise"), "region", List.of("EU")));
    assertThat(campaign.priority()).isEqualTo(10);
    assertThat(campaign.experiment()).isEqualTo(new Campaign.Experiment("q1-reward-test", 50));
  }

  @Test
  @DisplayName("a destination outside the tenant's allowed hosts is refused: the gateway is never an open redirect")
  void destinationMustBeAllowed() {
    assertInvalid(() -> create(MINIMAL.replace("https://acme.example/signup", "https://evil.com/signup")), "destination_url");
    assertInvalid(() -> create(MINIMAL.replace("https://acme.example/signup", "https://acme.example@evil.com/")), "destination_url");
    assertInvalid(() -> create(MINIMAL.replace("https://acme.example/signup", "javascript:alert(1)")), "destination_url");
  }

  @Test
  @DisplayName("name, destination and referrer reward are required")
  void requiredFields() {
    assertInvalid(() -> create("{}"), "name", "destination_url", "referrer_reward");
    assertInvalid(() -> create("{'name': null, 'destination_url': null, 'referrer_reward': null}"),
        "name", "destination_url", "referrer_reward");
  }

  @Test
  @DisplayName("a mistake inside a reward is reported with its full path")
  void nestedErrorsCarryTheirPath() {
    assertInvalid(() -> create(MINIMAL.replace("'percent': 20", "'percent': 0")), "referrer_reward.percent");
    assertInvalid(() -> create(minimalWith("'referee_reward': {'type': 'credit', 'amount_minor': 100, 'currency': 'eur'}")),
        "referee_reward.currency");
  }

  @Test
  @DisplayName("bad hold days, priority, segment, experiment and active flag are each named")
  void badOptionalFields() {
    assertInvalid(() -> create(minimalWith("'hold_days': -1, 'priority': 'high', 'segment': {'tier': 'business'}, "
        + "'experiment': {'key': '', 'weight': 0}, 'active': 'yes'")),
        "hold_days", "priority", "segment.tier", "experiment.key", "experiment.weight", "active");
  }

  @Test
  @DisplayName("a PATCH changes only what it names, and can pause a campaign")
  void patchKeepsUnspecifiedFields() {
    Campaign before = create(minimalWith("'priority': 5, 'segment': {'region': ['EU']}"));
    Campaign after = CampaignRequest.patch(json("{'active': false, 'hold_days': 0}"), before, HOSTS);
    assertThat(after.active()).isFalse();
    assertThat(after.holdDays()).isZero();
    assertThat(after).usingRecursiveComparison().ignoringFields("active", "holdDays").isEqualTo(before);
  }

  @Test
  @DisplayName("a PATCH re-checks a new destination against the allowed hosts")
  void patchChecksDestination() {
    Campaign before = create(MINIMAL);
    assertInvalid(() -> CampaignRequest.patch(json("{'destination_url': 'https://evil.com/'}"), before, HOSTS), "destination_url");
    assertThat(CampaignRequest.patch(json("{'destination_url': 'https://eu.acme.example/'}"), before, HOSTS).destinationUrl())
        .isEqualTo("https://eu.acme.example/");
  }

  @Test
  @DisplayName("a PATCH with null removes the referee reward and the experiment")
  void patchNullClearsOptionalObjects() {
    Campaign before = create(minimalWith("'experiment': {'key': 'q1', 'weight': 1}, "
        + "'referee_reward': {'type': 'credit', 'amount_minor': 100, 'currency': 'EUR'}"));
    Campaign after = CampaignRequest.patch(json("{'referee_reward': null, 'experiment': null}"), before, HOSTS);
    assertThat(after.refereeReward()).isNull();
    assertThat(after.experiment()).isNull();
  }
}
