package io.refgate.reports;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The referral funnel (CONTRACT §6) and its rates: activation = active / referrers, sharing =
 * sharing / active, signup = attributed signups / human clicks, conversion = paying referees /
 * signups, referral CAC = reward cost / conversions. A rate with a zero denominator is null.
 */
public record Funnel(long referrers, long activeReferrers, long sharingReferrers, long clicks, long signups, long conversions,
    long revenueMinor, long rewardCostMinor) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("referrers", referrers)
        .put("active_referrers", activeReferrers)
        .put("sharing_referrers", sharingReferrers)
        .put("clicks", clicks)
        .put("signups", signups)
        .put("conversions", conversions)
        .put("revenue_minor", revenueMinor)
        .put("reward_cost_minor", rewardCostMinor)
        .put("activation_rate", rate(activeReferrers, referrers))
        .put("sharing_rate", rate(sharingReferrers, activeReferrers))
        .put("signup_rate", rate(signups, clicks))
        .put("conversion_rate", rate(conversions, signups))
        .put("referral_cac_minor", conversions == 0 ? null
            : BigDecimal.valueOf(rewardCostMinor).divide(BigDecimal.valueOf(conversions), 0, RoundingMode.HALF_EVEN).longValueExact());
  }

  static Double rate(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }
}
