package io.refgate.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunnelTest {
  private static final List<String> RATES = List.of("activation_rate", "sharing_rate", "signup_rate", "conversion_rate",
      "referral_cac_minor");

  @Test
  @DisplayName("the contract's example funnel reports its counts and rates exactly as documented")
  void contractExample() {
    JsonObject json = new Funnel(120, 60, 30, 900, 90, 27, 270000, 54000).toJson();
    assertThat(json).isEqualTo(new JsonObject("""
        {"referrers": 120, "active_referrers": 60, "sharing_referrers": 30, "clicks": 900, "signups": 90,
         "conversions": 27, "revenue_minor": 270000, "reward_cost_minor": 54000,
         "activation_rate": 0.5, "sharing_rate": 0.5, "signup_rate": 0.1, "conversion_rate": 0.3,
         "referral_cac_minor": 2000}
        """));
  }

  @Test
  @DisplayName("each rate divides by its own stage: active by referrers, sharing by active, signups by clicks, conversions by signups")
  void rateDenominators() {
    JsonObject json = new Funnel(8, 4, 1, 40, 10, 4, 0, 0).toJson();
    assertThat(json.getDouble("activation_rate")).isEqualTo(0.5);
    assertThat(json.getDouble("sharing_rate")).isEqualTo(0.25);
    assertThat(json.getDouble("signup_rate")).isEqualTo(0.25);
    assertThat(json.getDouble("conversion_rate")).isEqualTo(0.4);
  }

  @Test
  @DisplayName("a rate with a repeating decimal is reported as the nearest number, not truncated")
  void repeatingDecimal() {
    assertThat(new Funnel(3, 1, 0, 0, 0, 0, 0, 0).toJson().getDouble("activation_rate")).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  @DisplayName("an empty funnel reports zero counts and a null for every rate and the CAC")
  void emptyFunnel() {
    JsonObject json = new Funnel(0, 0, 0, 0, 0, 0, 0, 0).toJson();
    for (String rate : RATES) {
      assertThat(json.containsKey(rate)).as(rate + " is present").isTrue();
      assertThat(json.getValue(rate)).as(rate).isNull();
    }
    assertThat(json.getLong("referrers")).isZero();
    assertThat(json.getLong("clicks")).isZero();
  }

  @Test
  @DisplayName("only the rates whose denominator is zero are null")
  void onlyZeroDenominatorsAreNull() {
    JsonObject noClicks = new Funnel(10, 5, 0, 0, 0, 0, 0, 0).toJson();
    assertThat(noClicks.getDouble("activation_rate")).isEqualTo(0.5);
    assertThat(noClicks.getDouble("sharing_rate")).isEqualTo(0.0);
    assertThat(noClicks.getValue("signup_rate")).isNull();
    assertThat(noClicks.getValue("conversion_rate")).isNull();
    assertThat(noClicks.getValue("referral_cac_minor")).isNull();

    JsonObject noActive = new Funnel(10, 0, 0, 50, 5, 0, 0, 700).toJson();
    assertThat(noActive.getDouble("activation_rate")).isEqualTo(0.0);
    assertThat(noActive.getValue("sharing_rate")).isNull();
    assertThat(noActive.getDouble("signup_rate")).isEqualTo(0.1);
    assertThat(noActive.getDouble("conversion_rate")).isEqualTo(0.0);
    assertThat(noActive.getValue("referral_cac_minor")).as("reward cost with no conversions").isNull();
  }

  @ParameterizedTest(name = "{0} / {1} = {2}")
  @CsvSource({
      "54000, 27, 2000",
      "5,     2,  2",
      "7,     2,  4",
      "10,    4,  2",
      "14,    4,  4",
      "10,    3,  3",
      "20,    3,  7",
      "0,     5,  0",
  })
  @DisplayName("referral CAC is reward cost per conversion, rounded half-to-even to a whole minor unit")
  void cacRoundsHalfEven(long rewardCost, long conversions, long expected) {
    assertThat(new Funnel(1, 1, 1, 1, conversions, conversions, 0, rewardCost).toJson().getLong("referral_cac_minor")).isEqualTo(expected);
  }

  @Property
  @Label("every rate is null exactly when its denominator is zero, and is the plain ratio otherwise")
  void ratesFollowDenominators(@ForAll @LongRange(min = 0, max = 1_000_000) long referrers, @ForAll @LongRange(min = 0, max = 1_000_000) long active,
      @ForAll @LongRange(min = 0, max = 1_000_000) long sharing, @ForAll @LongRange(min = 0, max = 10_000_000) long clicks,
      @ForAll @LongRange(min = 0, max = 1_000_000) long signups, @ForAll @LongRange(min = 0, max = 1_000_000) long conversions,
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long rewardCost) {
    JsonObject json = new Funnel(referrers, active, sharing, clicks, signups, conversions, 0, rewardCost).toJson();
    assertRate(json, "activation_rate", active, referrers);
    assertRate(json, "sharing_rate", sharing, active);
    assertRate(json, "signup_rate", signups, clicks);
    assertRate(json, "conversion_rate", conversions, signups);
    if (conversions == 0) {
      assertThat(json.getValue("referral_cac_minor")).isNull();
    } else {
      long cac = json.getLong("referral_cac_minor");
      assertThat(Math.abs(cac * conversions - rewardCost)).as("within half a conversion's worth").isLessThanOrEqualTo(conversions / 2);
    }
  }

  private static void assertRate(JsonObject json, String rate, long numerator, long denominator) {
    if (denominator == 0) {
      assertThat(json.getValue(rate)).as(rate).isNull();
    } else {
      assertThat(json.getDouble(rate)).as(rate).isEqualTo((double) numerator / denominator);
    }
  }
}
