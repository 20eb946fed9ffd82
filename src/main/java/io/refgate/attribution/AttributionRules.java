package io.refgate.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * Who gets credit for a signup (CONTRACT §5), decided from what the signup carried. The click id
 * (from the rg_click cookie) is the best evidence and beats a code; a click older than the
 * tenant's attribution window is expired; a code must name an active link; nobody refers
 * themselves, by user id, organisation or email. No I/O: the repositories fetch the evidence.
 */
public final class AttributionRules {
  private AttributionRules() {
  }

  public enum Status { ATTRIBUTED, UNATTRIBUTED, REJECTED }

  public enum Reason { SELF_REFERRAL, EXPIRED, UNKNOWN_CODE, INACTIVE_CODE }

  /** A referral link that evidence points to, with its referrer's identity. */
  public record Referral(long linkId, String code, boolean linkActive, long referrerId, String referrerUserId,
      String referrerOrganizationId, byte[] referrerEmailHash, UUID campaignId) {
  }

  /** The user who signed up, as the signup event describes them. */
  public record NewUser(String userId, String organizationId, byte[] emailHash, Instant signedUpAt) {
  }

  /**
   * What the signup carried: whether it named a click id and the referral that click was on (null
   * when the click is unknown), and likewise for a code.
   */
  public record Evidence(boolean clickIdGiven, Referral clicked, Instant clickedAt, boolean codeGiven, Referral coded) {
    public static Evidence none() {
      return new Evidence(false, null, null, false, null);
    }
  }

  public record Decision(Status status, Reason reason, Referral referral) {
    static Decision unattributed(Reason reason) {
      return new Decision(Status.UNATTRIBUTED, reason, null);
    }
  }

  public static Decision decide(NewUser user, Evidence evidence, Duration window) {
    Referral referral;
    if (evidence.clicked() != null) {
      if (Duration.between(evidence.clickedAt(), user.signedUpAt()).compareTo(window) > 0) {
        return Decision.unattributed(Reason.EXPIRED);
      }
      referral = evidence.clicked();
    } else if (evidence.codeGiven()) {
      if (evidence.coded() == null) {
        return Decision.unattributed(Reason.UNKNOWN_CODE);
      }
      if (!evidence.coded().linkActive()) {
        return Decision.unattributed(Reason.INACTIVE_CODE);
      }
      referral = evidence.coded();
    } else {
      return Decision.unattributed(evidence.clickIdGiven() ? Reason.UNKNOWN_CODE : null);
    }
    return isSelfReferral(user, referral) ? new Decision(Status.REJECTED, Reason.SELF_REFERRAL, referral)
        : new Decision(Status.ATTRIBUTED, null, referral);
  }

  static boolean isSelfReferral(NewUser user, Referral referral) {
    return user.userId().equals(referral.referrerUserId())
        || (user.organizationId() != null && Objects.equals(user.organizationId(), referral.referrerOrganizationId()))
        || (user.emailHash() != null && Arrays.equals(user.emailHash(), referral.referrerEmailHash()));
  }
}
