package io.refgate.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refgate.campaigns.RewardRule.Trigger;
import io.refgate.campaigns.RewardRule.Type;
import io.refgate.http.ApiException;
import io.refgate.http.FieldError;
import io.refgate.http.Input;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RewardRuleTest {

  static RewardRule parse(String json, Trigger defaultTrigger) {
    Input in = Input.of(new JsonObject(json.replace('\'', '"')));
    RewardRule rule = RewardRule.parse(in, defaultTrigger);
    in.check();
    return rule;
  }

  private static void assertInvalid(String json, Trigger defaultTrigger, String... fields) {
    assertThatThrownBy(() -> parse(json, defaultTrigger)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(fields);
    });
  }

  @Test
  @DisplayName("a percent reward on every payment keeps its share, payment limit and cap")
  void percentReward() {
    RewardRule rule = parse("{'type': 'percent', 'percent': 20, 'trigger': 'every_payment', 'max_payments': 12, 'cap_minor': 50000}", null);
    assertThat(rule).isEqualTo(new RewardRule(Type.PERCENT, new BigDecimal("20").stripTrailingZeros(), null, null, Trigger.EVERY_PAYMENT,
        null, 12, 50000L, null));
    assertThat(rule.paysOnPayment()).isTrue();
  }

  @Test
  @DisplayName("a credit reward carries its cost and description, and a referee's reward defaults to signup")
  void creditRewardWithDefaultTrigger() {
    RewardRule rule = parse("{'type': 'credit', 'amount_minor': 2000, 'currency': 'EUR', 'description': '1 month free'}", Trigger.SIGNUP);
    assertThat(rule).isEqualTo(new RewardRule(Type.CREDIT, null, 2000L, "EUR", Trigger.SIGNUP, null, null, null, "1 month free"));
    assertThat(rule.paysOnPayment()).isFalse();
  }

  @Test
  @DisplayName("a flat reward on a named milestone keeps the milestone's name")
  void flatMilestoneReward() {
    RewardRule rule = parse("{'type': 'flat', 'amount_minor': 500, 'currency': 'USD', 'trigger': 'milestone', 'milestone': 'demo_attended'}",
        null);
    assertThat(rule.trigger()).isEqualTo(Trigger.MILESTONE);
    assertThat(rule.milestone()).isEqualTo("demo_attended");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0001", "0.5", "12.25", "100"})
  @DisplayName("a percent above 0 and up to 100 is accepted")
  void acceptsPercentInRange(String percent) {
    RewardRule rule = parse("{'type': 'percent', 'percent': " + percent + ", 'trigger': 'first_payment'}", null);
    assertThat(rule.percent()).isEqualByComparingTo(percent);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "100.01", "1000", "12.34567", "'20'"})
  @DisplayName("a percent of 0 or less, over 100, with more than 4 decimals, or not a number is refused")
  void rejectsPercentOutOfRange(String percent) {
    assertInvalid("{'type': 'percent', 'percent': " + percent + ", 'trigger': 'first_payment'}", null, "percent");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "{'type': 'percent', 'trigger': 'first_payment'}                                            | percent",
      "{'type': 'flat', 'currency': 'EUR', 'trigger': 'signup'}                                   | amount_minor",
      "{'type': 'flat', 'amount_minor': 0, 'currency': 'EUR', 'trigger': 'signup'}                | amount_minor",
      "{'type': 'flat', 'amount_minor': 1.5, 'currency': 'EUR', 'trigger': 'signup'}              | amount_minor",
      "{'type': 'flat', 'amount_minor': 500, 'trigger': 'signup'}                                 | currency",
      "{'type': 'credit', 'amount_minor': 500, 'currency': 'eur', 'trigger': 'signup'}            | currency",
      "{'type': 'credit', 'amount_minor': 500, 'currency': 'EURO', 'trigger': 'signup'}           | currency",
      "{'type': 'credit', 'amount_minor': 500, 'currency': 'EU1', 'trigger': 'signup'}            | currency",
      "{'type': 'percent', 'percent': 10, 'trigger': 'signup'}                                    | trigger",
      "{'type': 'percent', 'percent': 10, 'trigger': 'milestone', 'milestone': 'x'}               | trigger",
      "{'type': 'flat', 'amount_minor': 500, 'currency': 'EUR', 'trigger': 'milestone'}           | milestone",
      "{'type': 'flat', 'amount_minor': 500, 'currency': 'EUR', 'trigger': 'signup', 'milestone': 'x'} | milestone",
      "{'type': 'percent', 'percent': 10, 'trigger': 'first_payment', 'max_payments': 3}          | max_payments",
      "{'type': 'percent', 'percent': 10, 'trigger': 'every_payment', 'max_payments': 0}          | max_payments",
      "{'type': 'percent', 'percent': 10, 'trigger': 'every_payment', 'cap_minor': 0}             | cap_minor",
      "{'type': 'percent', 'percent': 10, 'trigger': 'every_payment', 'amount_minor': 500}        | amount_minor",
      "{'type': 'percent', 'percent': 10, 'trigger': 'every_payment', 'currency': 'EUR'}          | currency",
      "{'type': 'flat', 'percent': 10, 'amount_minor': 500, 'currency': 'EUR', 'trigger': 'signup'} | percent",
      "{'type': 'percent', 'percent': 10}                                                         | trigger",
      "{'type': 'percent', 'percent': 10, 'trigger': 'weekly'}                                    | trigger",
      "{'type': 'percent', 'percent': 10, 'trigger': null}                                        | trigger",
  })
  @DisplayName("each rule that breaks the contract is refused, naming the field at fault")
  void namesTheBadField(String json, String field) {
    assertInvalid(json, null, field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{'type': 'bonus', 'trigger': 'signup'}", "{'percent': 10, 'trigger': 'first_payment'}"})
  @DisplayName("a missing or unknown reward type is refused, naming only the type")
  void missingOrUnknownType(String json) {
    assertThatThrownBy(() -> parse(json, null)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.errors()).extracting(FieldError::field).containsExactly("type");
    });
  }

  @Test
  @DisplayName("every problem of one rule is reported together")
  void reportsEveryProblem() {
    assertInvalid("{'type': 'flat', 'amount_minor': -1, 'currency': 'eur', 'trigger': 'milestone', 'cap_minor': 0}", null,
        "amount_minor", "currency", "milestone", "cap_minor");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{'type': 'percent', 'percent': 20, 'trigger': 'every_payment', 'max_payments': 12, 'cap_minor': 50000}",
      "{'type': 'percent', 'percent': 12.5, 'trigger': 'first_payment'}",
      "{'type': 'credit', 'amount_minor': 2000, 'currency': 'EUR', 'trigger': 'signup', 'description': '1 month free'}",
      "{'type': 'flat', 'amount_minor': 1000000000000, 'currency': 'JPY', 'trigger': 'milestone', 'milestone': 'demo_attended'}",
  })
  @DisplayName("a stored rule reads back exactly as it was written")
  void jsonRoundTrip(String json) {
    RewardRule rule = parse(json, null);
    assertThat(RewardRule.fromJson(new JsonObject(rule.toJson().encode()))).isEqualTo(rule);
    assertThat(rule.toJson()).isEqualTo(new JsonObject(json.replace('\'', '"')));
  }

  @Property
  @Label("any valid percent survives being stored and read back")
  void percentRoundTrip(@ForAll @BigRange(min = "0.0001", max = "100") @Scale(4) BigDecimal percent) {
    RewardRule rule = parse("{'type': 'percent', 'percent': " + percent.toPlainString() + ", 'trigger': 'first_payment'}", null);
    assertThat(rule.percent()).isEqualByComparingTo(percent);
    assertThat(RewardRule.fromJson(new JsonObject(rule.toJson().encode()))).isEqualTo(rule);
  }

  @Test
  @DisplayName("a missing stored rule reads as no rule")
  void fromJsonNull() {
    assertThat(RewardRule.fromJson(null)).isNull();
  }
}
