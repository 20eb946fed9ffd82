package io.refgate.campaigns;

import io.refgate.support.Sha256;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the campaign a referrer is enrolled in (CONTRACT §2): among active campaigns whose segment
 * matches, the lowest priority number wins (then the oldest). When the winner runs an experiment,
 * the matching campaigns sharing its key split referrers by weight, by a hash of the user id, so
 * the same user always lands in the same arm, on any instance, in any release.
 */
public final class CampaignSelector {
  private static final Comparator<Campaign> PRECEDENCE = Comparator.comparingInt(Campaign::priority)
      .thenComparing(Campaign::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Campaign::id);

  private CampaignSelector() {
  }

  public static Optional<Campaign> select(List<Campaign> campaigns, Map<String, String> attributes, String userId) {
    List<Campaign> eligible = campaigns.stream().filter(Campaign::active).filter(c -> matches(c.segment(), attributes))
        .sorted(PRECEDENCE).toList();
    if (eligible.isEmpty()) {
      return Optional.empty();
    }
    Campaign winner = eligible.get(0);
    if (winner.experiment() == null) {
      return Optional.of(winner);
    }
    String key = winner.experiment().key();
    List<Campaign> arms = eligible.stream().filter(c -> c.experiment() != null && c.experiment().key().equals(key))
        .sorted(Comparator.comparing(Campaign::id)).toList();
    return Optional.of(arm(arms, key, userId));
  }

  /** A referrer matches when each segment attribute it has takes an allowed value. */
  public static boolean matches(Map<String, List<String>> segment, Map<String, String> attributes) {
    for (Map.Entry<String, List<String>> rule : segment.entrySet()) {
      String value = attributes.get(rule.getKey());
      if (value != null && !rule.getValue().contains(value)) {
        return false;
      }
    }
    return true;
  }

  private static Campaign arm(List<Campaign> arms, String key, String userId) {
    long total = arms.stream().mapToLong(c -> c.experiment().weight()).sum();
    long bucket = Long.remainderUnsigned(ByteBuffer.wrap(Sha256.of(key + '\u0000' + userId)).getLong(), total);
    for (Campaign arm : arms) {
      bucket -= arm.experiment().weight();
      if (bucket < 0) {
        return arm;
      }
    }
    throw new IllegalStateException("weights sum to " + total);
  }
}
