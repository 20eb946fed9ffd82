package io.refgate.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.campaigns.RewardRule.Trigger;
import io.refgate.campaigns.RewardRule.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CampaignSelectorTest {
  private static final UUID TENANT = UUID.randomUUID();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final RewardRule REWARD = new RewardRule(Type.FLAT, null, 1000L, "EUR", Trigger.SIGNUP, null, null, null, null);
  private static final Map<String, String> BUSINESS_EU = Map.of("tier", "business", "region", "EU");

  static Campaign campaign(String name, int priority, Instant createdAt, Map<String, List<String>> segment,
      Campaign.Experiment experiment, boolean active) {
    return new Campaign(UUID.randomUUID(), TENANT, name, "https://acme.example/signup", REWARD, null, 30, segment, priority, experiment,
        active, createdAt);
  }

  private static Campaign plain(String name, int priority) {
    return campaign(name, priority, T0, Map.of(), null, true);
  }

  private static Campaign arm(String name, String key, int weight) {
    return campaign(name, 10, T0, Map.of(), new Campaign.Experiment(key, weight), true);
  }

  private static String pick(List<Campaign> campaigns, Map<String, String> attributes, String userId) {
    return CampaignSelector.select(campaigns, attributes, userId).map(Campaign::name).orElse(null);
  }

  @Test
  @DisplayName("the campaign with the lowest priority number wins")
  void lowestPriorityWins() {
    assertThat(pick(List.of(plain("default", 100), plain("vip", 10), plain("fallback", 1000)), BUSINESS_EU, "u_1")).isEqualTo("vip");
  }

  @Test
  @DisplayName("between campaigns of equal priority the oldest wins")
  void oldestWinsATie() {
    Campaign newer = campaign("newer", 10, T0.plusSeconds(60), Map.of(), null, true);
    Campaign older = campaign("older", 10, T0, Map.of(), null, true);
    assertThat(pick(List.of(newer, older), BUSINESS_EU, "u_1")).isEqualTo("older");
    assertThat(pick(List.of(older, newer), BUSINESS_EU, "u_1")).isEqualTo("older");
  }

  @Test
  @DisplayName("an inactive campaign is never chosen, however high its precedence")
  void inactiveIgnored() {
    Campaign paused = campaign("paused", 1, T0, Map.of(), null, false);
    assertThat(pick(List.of(paused, plain("running", 100)), BUSINESS_EU, "u_1")).isEqualTo("running");
    assertThat(CampaignSelector.select(List.of(paused), BUSINESS_EU, "u_1")).isEmpty();
  }

  @Test
  @DisplayName("a referrer whose attribute takes a value the segment does not allow is not enrolled in it")
  void segmentExcludesOtherValues() {
    Campaign enterprise = campaign("enterprise", 1, T0, Map.of("tier", List.of("enterprise")), null, true);
    assertThat(pick(List.of(enterprise, plain("default", 100)), BUSINESS_EU, "u_1")).isEqualTo("default");
    assertThat(pick(List.of(enterprise, plain("default", 100)), Map.of("tier", "enterprise"), "u_1")).isEqualTo("enterprise");
  }

  @Test
  @DisplayName("a referrer matches when each listed attribute it has is allowed; a missing attribute does not exclude")
  void missingAttributeDoesNotExclude() {
    Map<String, List<String>> segment = Map.of("tier", List.of("business", "enterprise"), "region", List.of("EU"));
    assertThat(CampaignSelector.matches(segment, BUSINESS_EU)).isTrue();
    assertThat(CampaignSelector.matches(segment, Map.of("tier", "business"))).isTrue();
    assertThat(CampaignSelector.matches(segment, Map.of())).isTrue();
    assertThat(CampaignSelector.matches(segment, Map.of("tier", "business", "region", "US"))).isFalse();
    assertThat(CampaignSelector.matches(segment, Map.of("tier", "free"))).isFalse();
  }

  @Test
  @DisplayName("an empty segment matches everyone")
  void emptySegmentMatchesEveryone() {
    assertThat(CampaignSelector.matches(Map.of(), BUSINESS_EU)).isTrue();
    assertThat(CampaignSelector.matches(Map.of(), Map.of())).isTrue();
  }

  @Test
  @DisplayName("with no matching campaign the referrer is enrolled in none")
  void nothingToSelect() {
    assertThat(CampaignSelector.select(List.of(), BUSINESS_EU, "u_1")).isEmpty();
  }

  @Property
  @Label("the same referrer always lands in the same experiment arm, however the campaigns are listed")
  void sameUserSameArm(@ForAll String userId) {
    List<Campaign> campaigns = new ArrayList<>(List.of(arm("a", "q1", 50), arm("b", "q1", 50), arm("c", "q1", 20), plain("other", 100)));
    Optional<Campaign> first = CampaignSelector.select(campaigns, BUSINESS_EU, userId);
    Collections.reverse(campaigns);
    assertThat(CampaignSelector.select(campaigns, BUSINESS_EU, userId)).isEqualTo(first);
    assertThat(first).hasValueSatisfying(c -> assertThat(c.experiment().key()).isEqualTo("q1"));
  }

  @Test
  @DisplayName("a 50/50 experiment sends about half of the referrers to each arm")
  void evenSplit() {
    assertThat(share(List.of(arm("a", "q1", 50), arm("b", "q1", 50)), "a")).isBetween(0.45, 0.55);
  }

  @Test
  @DisplayName("a 1:3 experiment sends about a quarter of the referrers to the smaller arm")
  void unevenSplit() {
    assertThat(share(List.of(arm("small", "q1", 1), arm("large", "q1", 3)), "small")).isBetween(0.23, 0.27);
  }

  @Test
  @DisplayName("only matching campaigns take part in an experiment")
  void experimentArmsMustMatchTheSegment() {
    Campaign usOnly = campaign("us", 10, T0, Map.of("region", List.of("US")), new Campaign.Experiment("q1", 50), true);
    assertThat(share(List.of(arm("eu", "q1", 50), usOnly), "eu")).isEqualTo(1.0);
  }

  @Test
  @DisplayName("campaigns of another experiment or none do not become arms of the winner's experiment")
  void armsShareTheWinnersKey() {
    Campaign otherExperiment = campaign("other", 10, T0.plusSeconds(1), Map.of(), new Campaign.Experiment("q2", 1000), true);
    assertThat(share(List.of(arm("a", "q1", 50), arm("b", "q1", 50), otherExperiment, plain("default", 100)), "a", "b"))
        .isEqualTo(1.0);
  }

  private static double share(List<Campaign> campaigns, String... arms) {
    List<String> wanted = List.of(arms);
    int users = 10_000;
    long hits = 0;
    for (int i = 0; i < users; i++) {
      if (wanted.contains(pick(campaigns, BUSINESS_EU, "u_" + i))) {
        hits++;
      }
    }
    return (double) hits / users;
  }
}
