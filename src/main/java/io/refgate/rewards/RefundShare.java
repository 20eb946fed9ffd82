package io.refgate.rewards;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A refund shrinks the rewards of its payment by the refunded share (CONTRACT §5). What a reward
 * is worth after refunds is computed from the payment's total refunded so far, not refund by
 * refund, so rounding never drifts: after a full refund the reductions add up to the reward.
 */
public final class RefundShare {
  private RefundShare() {
  }

  /** How much a reward granted at {@code grantedMinor} loses when the payment's refunds go from {@code before} to {@code after}. */
  public static long reduction(long grantedMinor, long paymentMinor, long refundedBefore, long refundedAfter) {
    if (paymentMinor == 0) {
      return 0;
    }
    return remaining(grantedMinor, paymentMinor, refundedBefore) - remaining(grantedMinor, paymentMinor, refundedAfter);
  }

  static long remaining(long grantedMinor, long paymentMinor, long refunded) {
    return BigDecimal.valueOf(grantedMinor).multiply(BigDecimal.valueOf(paymentMinor - refunded))
        .divide(BigDecimal.valueOf(paymentMinor), 0, RoundingMode.HALF_EVEN).longValueExact();
  }
}
