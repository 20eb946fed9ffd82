package io.refgate.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.campaigns.RewardRule;
import io.refgate.campaigns.RewardRule.Trigger;
import io.refgate.http.Input;
import io.refgate.rewards.RewardRules.Grant;
import io.refgate.rewards.RewardRules.Payment;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RewardRulesTest {

  /** A rule as a campaign's JSON states it (single quotes for readability). */
  static RewardRule rule(String json, Trigger defaultTrigger) {
    Input in = Input.of(new JsonObject(json.replace('\'', '"')));
    RewardRule rule = RewardRule.parse(in, defaultTrigger);
    in.check();
    return rule;
  }

  static RewardRule rule(String json) {
    return rule(json, null);
  }

  private static Payment eur(long amountMinor, int seq) {
    return new Payment(amountMinor, "EUR", seq);
  }

  @ParameterizedTest(name = "{0} % of {1} is {2}")
  @CsvSource({
      "20,    10005, 2001",
      "20,    10000, 2000",
      "2.5,   100,   2",
      "3.5,   100,   4",
      "12.5,  4,     0",
      "12.5,  12,    2",
      "12.5,  20,    2",
      "12.5,  28,    4",
      "100,   123,   123",
      "0.0001, 50000000, 50",
      "33.3333, 3,   1",
  })
  @DisplayName("a percent reward is the share of the payment rounded half-to-even to whole minor units")
  void percentRoundsHalfEven(String percent, long payment, long expected) {
    assertThat(RewardRules.percentOf(payment, new BigDecimal(percent))).isEqualTo(expected);
  }

  @Test
  @DisplayName("20 % of a 100.05 EUR payment grants 20.01 EUR to the referrer")
  void percentOfPayment() {
    RewardRule twenty = rule("{'type': 'percent', 'percent': 20, 'trigger': 'every_payment'}");
    assertThat(RewardRules.onPayment(twenty, eur(10005, 1), 0)).contains(new Grant(2001, "EUR"));
  }

  @ParameterizedTest(name = "12.5 % of {0}")
  @CsvSource({"1", "3", "4"})
  @DisplayName("a percent share that rounds to zero grants nothing")
  void percentRoundingToZeroGrantsNothing(long payment) {
    RewardRule share = rule("{'type': 'percent', 'percent': 12.5, 'trigger': 'every_payment'}");
    assertThat(RewardRules.onPayment(share, eur(payment, 1), 0)).isEmpty();
  }

  @Test
  @DisplayName("a zero-amount payment grants no percent reward")
  void zeroPaymentNoPercent() {
    RewardRule twenty = rule("{'type': 'percent', 'percent': 20, 'trigger': 'first_payment'}");
    assertThat(RewardRules.onPayment(twenty, eur(0, 1), 0)).isEmpty();
  }

  @Test
  @DisplayName("a percent reward is paid in the payment's currency")
  void percentInPaymentCurrency() {
    RewardRule twenty = rule("{'type': 'percent', 'percent': 20, 'trigger': 'every_payment'}");
    assertThat(RewardRules.onPayment(twenty, new Payment(5000, "JPY", 1), 0)).contains(new Grant(1000, "JPY"));
    assertThat(RewardRules.onPayment(twenty, new Payment(5000, "USD", 2), 0)).contains(new Grant(1000, "USD"));
  }

  @Test
  @DisplayName("a flat reward on a payment is the rule's amount in the rule's currency, whatever the payment")
  void flatOnPayment() {
    RewardRule flat = rule("{'type': 'flat', 'amount_minor': 1500, 'currency': 'USD', 'trigger': 'first_payment'}");
    assertThat(RewardRules.onPayment(flat, eur(99_900, 1), 0)).contains(new Grant(1500, "USD"));
    assertThat(RewardRules.onPayment(flat, eur(1, 1), 0)).contains(new Grant(1500, "USD"));
  }

  @Test
  @DisplayName("a credit reward on signup grants its cost in the rule's currency")
  void creditOnSignup() {
    RewardRule credit = rule("{'type': 'credit', 'amount_minor': 2000, 'currency': 'EUR', 'description': '1 month free'}", Trigger.SIGNUP);
    assertThat(RewardRules.onSignup(credit, 0)).contains(new Grant(2000, "EUR"));
  }

  @Test
  @DisplayName("a first_payment reward is granted on the referee's first payment only")
  void firstPaymentOnly() {
    RewardRule first = rule("{'type': 'percent', 'percent': 10, 'trigger': 'first_payment'}");
    assertThat(RewardRules.onPayment(first, eur(10000, 1), 0)).contains(new Grant(1000, "EUR"));
    assertThat(RewardRules.onPayment(first, eur(10000, 2), 1000)).isEmpty();
    assertThat(RewardRules.onPayment(first, eur(10000, 12), 1000)).isEmpty();
  }

  @Test
  @DisplayName("an every_payment reward with max_payments 12 pays on payments 1 to 12 and not on the 13th")
  void everyPaymentUpToMax() {
    RewardRule twelve = rule("{'type': 'percent', 'percent': 20, 'trigger': 'every_payment', 'max_payments': 12}");
    for (int seq = 1; seq <= 12; seq++) {
      assertThat(RewardRules.onPayment(twelve, eur(10000, seq), 0)).as("payment %d", seq).contains(new Grant(2000, "EUR"));
    }
    assertThat(RewardRules.onPayment(twelve, eur(10000, 13), 0)).isEmpty();
  }

  @Test
  @DisplayName("an every_payment reward without max_payments keeps paying")
  void everyPaymentUnlimited() {
    RewardRule always = rule("{'type': 'flat', 'amount_minor': 100, 'currency': 'EUR', 'trigger': 'every_payment'}");
    assertThat(RewardRules.onPayment(always, eur(10000, 1), 0)).contains(new Grant(100, "EUR"));
    assertThat(RewardRules.onPayment(always, eur(10000, 1000), 99_900)).contains(new Grant(100, "EUR"));
    assertThat(RewardRules.onPayment(always, eur(10000, Integer.MAX_VALUE), 0)).contains(new Grant(100, "EUR"));
  }

  @Test
  @DisplayName("a signup reward is granted on signup and never on a payment or milestone")
  void signupTrigger() {
    RewardRule signup = rule("{'type': 'flat', 'amount_minor': 500, 'currency': 'EUR', 'trigger': 'signup'}");
    assertThat(RewardRules.onSignup(signup, 0)).contains(new Grant(500, "EUR"));
    assertThat(RewardRules.onPayment(signup, eur(10000, 1), 0)).isEmpty();
    assertThat(RewardRules.onMilestone(signup, "demo_attended", 0)).isEmpty();
  }

  @Test
  @DisplayName("a milestone reward is granted for its own milestone name only, and not on signup or payment")
  void milestoneTrigger() {
    RewardRule demo = rule("{'type': 'flat', 'amount_minor': 700, 'currency': 'EUR', 'trigger': 'milestone', 'milestone': 'demo_attended'}");
    assertThat(RewardRules.onMilestone(demo, "demo_attended", 0)).contains(new Grant(700, "EUR"));
    assertThat(RewardRules.onMilestone(demo, "demo_booked", 0)).isEmpty();
    assertThat(RewardRules.onMilestone(demo, "Demo_Attended", 0)).isEmpty();
    assertThat(RewardRules.onMilestone(demo, null, 0)).isEmpty();
    assertThat(RewardRules.onSignup(demo, 0)).isEmpty();
    assertThat(RewardRules.onPayment(demo, eur(10000, 1), 0)).isEmpty();
  }

  @Test
  @DisplayName("payment rewards are not granted on signup or milestones")
  void paymentRulesIgnoreOtherEvents() {
    RewardRule every = rule("{'type': 'flat', 'amount_minor': 100, 'currency': 'EUR', 'trigger': 'every_payment'}");
    assertThat(RewardRules.onSignup(every, 0)).isEmpty();
    assertThat(RewardRules.onMilestone(every, "demo_attended", 0)).isEmpty();
  }

  @Test
  @DisplayName("a campaign without a reward for that side grants nothing")
  void noRule() {
    assertThat(RewardRules.onSignup(null, 0)).isEmpty();
    assertThat(RewardRules.onMilestone(null, "demo_attended", 0)).isEmpty();
    assertThat(RewardRules.onPayment(null, eur(10000, 1), 0)).isEmpty();
  }

  @Test
  @DisplayName("a capped reward grants only what is left under the cap, then nothing")
  void capTrimsThenStops() {
    RewardRule capped = rule("{'type': 'percent', 'percent': 20, 'trigger': 'every_payment', 'max_payments': 12, 'cap_minor': 5000}");
    assertThat(RewardRules.onPayment(capped, eur(10000, 1), 0)).contains(new Grant(2000, "EUR"));
    assertThat(RewardRules.onPayment(capped, eur(10000, 2), 2000)).contains(new Grant(2000, "EUR"));
    assertThat(RewardRules.onPayment(capped, eur(10000, 3), 4000)).contains(new Grant(1000, "EUR"));
    assertThat(RewardRules.onPayment(capped, eur(10000, 4), 5000)).isEmpty();
  }

  @Test
  @DisplayName("a referee already granted more than the cap gets nothing more")
  void overCapGetsNothing() {
    RewardRule capped = rule("{'type': 'flat', 'amount_minor': 300, 'currency': 'EUR', 'trigger': 'every_payment', 'cap_minor': 1000}");
    assertThat(RewardRules.onPayment(capped, eur(10000, 5), 1200)).isEmpty();
  }

  @Test
  @DisplayName("a cap also trims flat signup and milestone rewards")
  void capOnFixedRewards() {
    RewardRule signup = rule("{'type': 'flat', 'amount_minor': 500, 'currency': 'EUR', 'trigger': 'signup', 'cap_minor': 300}");
    assertThat(RewardRules.onSignup(signup, 0)).contains(new Grant(300, "EUR"));
    RewardRule demo = rule("{'type': 'credit', 'amount_minor': 500, 'currency': 'EUR', 'trigger': 'milestone', 'milestone': 'm', "
        + "'cap_minor': 800}");
    assertThat(RewardRules.onMilestone(demo, "m", 500)).contains(new Grant(300, "EUR"));
    assertThat(RewardRules.onMilestone(demo, "m", 800)).isEmpty();
  }

  @Test
  @DisplayName("20 % of monthly 1,000 EUR payments under a 500 EUR cap pays 200, 200, 100 and then nothing: exactly 500 EUR")
  void contractExample() {
    RewardRule rule = rule("{'type': 'percent', 'percent': 20, 'trigger': 'every_payment', 'max_payments': 12, 'cap_minor': 50000}");
    long total = 0;
    for (int seq = 1; seq <= 24; seq++) {
      total += RewardRules.onPayment(rule, eur(100_000, seq), total).map(Grant::amountMinor).orElse(0L);
    }
    assertThat(total).isEqualTo(50_000);
  }

  // --- properties (issue 3: no reward exceeds its cap; the running total never exceeds it; every grant is positive)

  @Property
  @Label("no single grant is more than the room left under the cap")
  void singleGrantWithinCap(@ForAll("rules") RewardRule rule, @ForAll @LongRange(min = 0, max = 10_000_000_000L) long payment,
      @ForAll @IntRange(min = 1, max = 1000) int seq, @ForAll @LongRange(min = 0, max = 2_000_000_000L) long alreadyGranted) {
    for (Optional<Grant> grant : List.of(RewardRules.onPayment(rule, eur(payment, seq), alreadyGranted),
        RewardRules.onSignup(rule, alreadyGranted), RewardRules.onMilestone(rule, "demo_attended", alreadyGranted))) {
      grant.ifPresent(g -> {
        assertThat(g.amountMinor()).isPositive();
        if (rule.capMinor() != null) {
          assertThat(g.amountMinor()).isLessThanOrEqualTo(rule.capMinor());
          assertThat(alreadyGranted + g.amountMinor()).isLessThanOrEqualTo(rule.capMinor());
        }
      });
    }
  }

  @Property
  @Label("granting payment after payment, a referee's total never exceeds the cap and every grant is at least one minor unit")
  void runningTotalWithinCap(@ForAll("rules") RewardRule rule,
      @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 5_000_000_000L) Long> payments) {
    long total = 0;
    int seq = 0;
    for (long amount : payments) {
      seq++;
      Optional<Grant> grant = RewardRules.onPayment(rule, eur(amount, seq), total);
      if (grant.isPresent()) {
        assertThat(grant.get().amountMinor()).isGreaterThanOrEqualTo(1);
        total += grant.get().amountMinor();
      }
      if (rule.capMinor() != null) {
        assertThat(total).isLessThanOrEqualTo(rule.capMinor());
      }
    }
  }

  @Property
  @Label("the more was granted before, the less is granted, never more: the ledger is read only when a capped rule grants at all")
  void moreGrantedBeforeNeverGrantsMore(@ForAll("rules") RewardRule rule, @ForAll @LongRange(min = 0, max = 10_000_000_000L) long payment,
      @ForAll @IntRange(min = 1, max = 1000) int seq, @ForAll @LongRange(min = 0, max = 2_000_000_000L) long alreadyGranted) {
    assertThat(amount(RewardRules.onPayment(rule, eur(payment, seq), alreadyGranted)))
        .isLessThanOrEqualTo(amount(RewardRules.onPayment(rule, eur(payment, seq), 0)));
    assertThat(amount(RewardRules.onSignup(rule, alreadyGranted))).isLessThanOrEqualTo(amount(RewardRules.onSignup(rule, 0)));
    assertThat(amount(RewardRules.onMilestone(rule, "demo_attended", alreadyGranted)))
        .isLessThanOrEqualTo(amount(RewardRules.onMilestone(rule, "demo_attended", 0)));
    if (rule.capMinor() == null) {
      assertThat(RewardRules.onPayment(rule, eur(payment, seq), alreadyGranted)).isEqualTo(RewardRules.onPayment(rule, eur(payment, seq), 0));
    }
  }

  private static long amount(Optional<Grant> grant) {
    return grant.map(Grant::amountMinor).orElse(0L);
  }

  @Property
  @Label("without a cap, a percent reward is the rounded share of every qualifying payment")
  void uncappedPercentIsTheShare(@ForAll("percents") BigDecimal percent, @ForAll @LongRange(min = 0, max = 10_000_000_000L) long payment) {
    RewardRule rule = new RewardRule(RewardRule.Type.PERCENT, percent, null, null, Trigger.EVERY_PAYMENT, null, null, null, null);
    long exact = RewardRules.percentOf(payment, percent);
    assertThat(RewardRules.onPayment(rule, eur(payment, 1), 0).map(Grant::amountMinor).orElse(0L)).isEqualTo(exact);
    // half-even rounding: never more than half a minor unit from the exact share
    BigDecimal share = BigDecimal.valueOf(payment).multiply(percent).divide(BigDecimal.valueOf(100));
    assertThat(share.subtract(BigDecimal.valueOf(exact)).abs()).isLessThanOrEqualTo(new BigDecimal("0.5"));
  }

  @Provide
  Arbitrary<BigDecimal> percents() {
    return Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), BigDecimal.valueOf(100)).ofScale(4).map(BigDecimal::stripTrailingZeros);
  }

  /** Any valid rule: every type and trigger, with and without max_payments and cap. */
  @Provide
  Arbitrary<RewardRule> rules() {
    Arbitrary<Long> caps = Arbitraries.longs().between(1, 1_000_000_000L).injectNull(0.3);
    Arbitrary<Integer> maxPayments = Arbitraries.integers().between(1, 1000).injectNull(0.3);
    Arbitrary<Long> amounts = Arbitraries.longs().between(1, 100_000_000L);
    Arbitrary<RewardRule> percent = Combinators.combine(percents(), Arbitraries.of(Trigger.FIRST_PAYMENT, Trigger.EVERY_PAYMENT),
        maxPayments, caps).as((p, trigger, max, cap) -> new RewardRule(RewardRule.Type.PERCENT, p, null, null, trigger, null,
            trigger == Trigger.EVERY_PAYMENT ? max : null, cap, null));
    Arbitrary<RewardRule> fixed = Combinators.combine(Arbitraries.of(RewardRule.Type.FLAT, RewardRule.Type.CREDIT), amounts,
        Arbitraries.of(Trigger.values()), maxPayments, caps).as((type, amount, trigger, max, cap) -> new RewardRule(type, null, amount,
            "EUR", trigger, trigger == Trigger.MILESTONE ? "demo_attended" : null, trigger == Trigger.EVERY_PAYMENT ? max : null, cap,
            null));
    return Arbitraries.oneOf(percent, fixed);
  }
}
