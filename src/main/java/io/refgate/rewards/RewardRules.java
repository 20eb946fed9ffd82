package io.refgate.rewards;

import io.refgate.campaigns.RewardRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How much a reward rule grants for an event (CONTRACT §2): percent of a payment (BigDecimal,
 * HALF_EVEN, to minor units), or a flat or credit amount; first_payment only on a referee's first
 * payment, every_payment up to max_payments; and never more than cap_minor per referee in total.
 * No I/O: the caller supplies what the referee was already granted under the rule.
 */
public final class RewardRules {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private RewardRules() {
  }

  /** What to grant: an amount in minor units of a currency. */
  public record Grant(long amountMinor, String currency) {
  }

  /** A payment as the rules see it: {@code seq} is 1 for a referee's first payment. */
  public record Payment(long amountMinor, String currency, int seq) {
  }

  public static Optional<Grant> onSignup(RewardRule rule, long alreadyGranted) {
    return rule != null && rule.trigger() == RewardRule.Trigger.SIGNUP ? fixed(rule, alreadyGranted) : Optional.empty();
  }

  public static Optional<Grant> onMilestone(RewardRule rule, String name, long alreadyGranted) {
    return rule != null && rule.trigger() == RewardRule.Trigger.MILESTONE && rule.milestone().equals(name)
        ? fixed(rule, alreadyGranted) : Optional.empty();
  }

  public static Optional<Grant> onPayment(RewardRule rule, Payment payment, long alreadyGranted) {
    if (rule == null || !qualifies(rule, payment.seq())) {
      return Optional.empty();
    }
    if (rule.type() == RewardRule.Type.PERCENT) {
      return capped(percentOf(payment.amountMinor(), rule.percent()), rule.capMinor(), alreadyGranted)
          .map(amount -> new Grant(amount, payment.currency()));
    }
    return fixed(rule, alreadyGranted);
  }

  static boolean qualifies(RewardRule rule, int seq) {
    return switch (rule.trigger()) {
      case FIRST_PAYMENT -> seq == 1;
      case EVERY_PAYMENT -> rule.maxPayments() == null || seq <= rule.maxPayments();
      default -> false;
    };
  }

  static long percentOf(long amountMinor, BigDecimal percent) {
    return BigDecimal.valueOf(amountMinor).multiply(percent).divide(HUNDRED, 0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /** The amount left under the cap, or empty when nothing is left (or nothing to grant). */
  static Optional<Long> capped(long amount, Long capMinor, long alreadyGranted) {
    long grant = capMinor == null ? amount : Math.min(amount, capMinor - alreadyGranted);
    return grant > 0 ? Optional.of(grant) : Optional.empty();
  }

  private static Optional<Grant> fixed(RewardRule rule, long alreadyGranted) {
    return capped(rule.amountMinor(), rule.capMinor(), alreadyGranted).map(amount -> new Grant(amount, rule.currency()));
  }
}
