package io.refgate.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.attribution.AttributionRules.Decision;
import io.refgate.attribution.AttributionRules.Evidence;
import io.refgate.attribution.AttributionRules.NewUser;
import io.refgate.attribution.AttributionRules.Reason;
import io.refgate.attribution.AttributionRules.Referral;
import io.refgate.attribution.AttributionRules.Status;
import io.refgate.support.EmailHash;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttributionRulesTest {
  private static final UUID TENANT = UUID.fromString("6f1c2a5e-0000-4000-8000-000000000001");
  private static final UUID CAMPAIGN = UUID.fromString("6f1c2a5e-0000-4000-8000-0000000000c1");
  private static final Duration WINDOW = Duration.ofDays(90);
  private static final Instant SIGNUP = Instant.parse("2026-12-03T10:15:30Z");
  private static final byte[] ANA_EMAIL = EmailHash.of(TENANT, "ana@acme.example");
  private static final byte[] BO_EMAIL = EmailHash.of(TENANT, "bo@other.example");

  /** Ana (u_123, org_9) refers; her link is ana-link. */
  private static final Referral ANA = referral(1, "ana-link", true, "u_123", "org_9", ANA_EMAIL);
  /** Carl (u_456, org_7) refers too, through carl-link. */
  private static final Referral CARL = referral(2, "carl-link", true, "u_456", "org_7", EmailHash.of(TENANT, "carl@acme.example"));
  /** Bo signs up: another user, another organisation, another email. */
  private static final NewUser BO = new NewUser("u_777", "org_55", BO_EMAIL, SIGNUP);

  private static Referral referral(long linkId, String code, boolean active, String userId, String orgId, byte[] emailHash) {
    return new Referral(linkId, code, active, linkId * 10, userId, orgId, emailHash, CAMPAIGN);
  }

  private static Evidence click(Referral clicked, Instant clickedAt) {
    return new Evidence(true, clicked, clickedAt, false, null);
  }

  private static Evidence code(Referral coded) {
    return new Evidence(false, null, null, true, coded);
  }

  private static Decision decide(NewUser user, Evidence evidence) {
    return AttributionRules.decide(user, evidence, WINDOW);
  }

  private static void assertDecision(Decision decision, Status status, Reason reason, Referral referral) {
    assertThat(decision).isEqualTo(new Decision(status, reason, referral));
  }

  @Test
  @DisplayName("a signup from a recent click is attributed to the link's referrer")
  void clickAttributes() {
    assertDecision(decide(BO, click(ANA, SIGNUP.minus(Duration.ofHours(1)))), Status.ATTRIBUTED, null, ANA);
  }

  @Test
  @DisplayName("a signup with a valid code and no click is attributed to the code's referrer")
  void codeAttributes() {
    assertDecision(decide(BO, code(ANA)), Status.ATTRIBUTED, null, ANA);
  }

  @Test
  @DisplayName("the click's referral wins over a code for another referrer's link")
  void clickBeatsCode() {
    Evidence both = new Evidence(true, ANA, SIGNUP.minusSeconds(60), true, CARL);
    assertDecision(decide(BO, both), Status.ATTRIBUTED, null, ANA);
  }

  @Test
  @DisplayName("the click wins even when the code given alongside it is unknown or disabled")
  void clickBeatsBadCode() {
    assertDecision(decide(BO, new Evidence(true, ANA, SIGNUP, true, null)), Status.ATTRIBUTED, null, ANA);
    Referral disabled = referral(2, "carl-link", false, "u_456", "org_7", null);
    assertDecision(decide(BO, new Evidence(true, ANA, SIGNUP, true, disabled)), Status.ATTRIBUTED, null, ANA);
  }

  @Test
  @DisplayName("a click exactly one attribution window before the signup still attributes")
  void clickAtTheWindowEdge() {
    assertDecision(decide(BO, click(ANA, SIGNUP.minus(WINDOW))), Status.ATTRIBUTED, null, ANA);
  }

  @Test
  @DisplayName("a click one millisecond older than the attribution window has expired")
  void clickJustPastTheWindow() {
    assertDecision(decide(BO, click(ANA, SIGNUP.minus(WINDOW).minusMillis(1))), Status.UNATTRIBUTED, Reason.EXPIRED, null);
  }

  @Test
  @DisplayName("the window is the tenant's: a 7-day tenant expires a click that a 90-day tenant would accept")
  void windowIsTheTenants() {
    Evidence tenDaysOld = click(ANA, SIGNUP.minus(Duration.ofDays(10)));
    assertThat(AttributionRules.decide(BO, tenDaysOld, Duration.ofDays(7)).reason()).isEqualTo(Reason.EXPIRED);
    assertThat(AttributionRules.decide(BO, tenDaysOld, Duration.ofDays(90)).status()).isEqualTo(Status.ATTRIBUTED);
  }

  @Test
  @DisplayName("an expired click is not rescued by a valid code sent with it")
  void expiredClickIsNotRescuedByCode() {
    Evidence stale = new Evidence(true, ANA, SIGNUP.minus(WINDOW).minusSeconds(1), true, CARL);
    assertDecision(decide(BO, stale), Status.UNATTRIBUTED, Reason.EXPIRED, null);
  }

  @Test
  @DisplayName("a signup reported with a time before its click (clock skew) is still attributed")
  void clickAfterSignupTime() {
    assertDecision(decide(BO, click(ANA, SIGNUP.plusSeconds(5))), Status.ATTRIBUTED, null, ANA);
  }

  @Test
  @DisplayName("a click on a link that has since been disabled still attributes the signup")
  void clickOnDisabledLinkAttributes() {
    Referral disabled = referral(1, "ana-link", false, "u_123", "org_9", ANA_EMAIL);
    assertDecision(decide(BO, click(disabled, SIGNUP.minus(Duration.ofDays(3)))), Status.ATTRIBUTED, null, disabled);
  }

  @Test
  @DisplayName("an unknown code leaves the signup unattributed as unknown_code")
  void unknownCode() {
    assertDecision(decide(BO, code(null)), Status.UNATTRIBUTED, Reason.UNKNOWN_CODE, null);
  }

  @Test
  @DisplayName("a code of a disabled link leaves the signup unattributed as inactive_code")
  void inactiveCode() {
    Referral disabled = referral(1, "ana-link", false, "u_123", "org_9", ANA_EMAIL);
    assertDecision(decide(BO, code(disabled)), Status.UNATTRIBUTED, Reason.INACTIVE_CODE, null);
  }

  @Test
  @DisplayName("an unknown click id with no code leaves the signup unattributed as unknown_code")
  void unknownClickWithoutCode() {
    assertDecision(decide(BO, new Evidence(true, null, null, false, null)), Status.UNATTRIBUTED, Reason.UNKNOWN_CODE, null);
  }

  @Test
  @DisplayName("when the click id is unknown the code decides: a valid code attributes")
  void unknownClickValidCode() {
    assertDecision(decide(BO, new Evidence(true, null, null, true, CARL)), Status.ATTRIBUTED, null, CARL);
  }

  @Test
  @DisplayName("when the click id is unknown the code decides: an unknown or disabled code says so")
  void unknownClickBadCode() {
    assertDecision(decide(BO, new Evidence(true, null, null, true, null)), Status.UNATTRIBUTED, Reason.UNKNOWN_CODE, null);
    Referral disabled = referral(2, "carl-link", false, "u_456", "org_7", null);
    assertDecision(decide(BO, new Evidence(true, null, null, true, disabled)), Status.UNATTRIBUTED, Reason.INACTIVE_CODE, null);
  }

  @Test
  @DisplayName("a signup with neither click id nor code is unattributed with no reason")
  void noEvidence() {
    assertDecision(decide(BO, Evidence.none()), Status.UNATTRIBUTED, null, null);
  }

  @Test
  @DisplayName("a referrer signing up again through their own link is rejected as self_referral, keeping the referral")
  void selfReferralByUserId() {
    NewUser anaAgain = new NewUser("u_123", null, null, SIGNUP);
    assertDecision(decide(anaAgain, click(ANA, SIGNUP)), Status.REJECTED, Reason.SELF_REFERRAL, ANA);
    assertDecision(decide(anaAgain, code(ANA)), Status.REJECTED, Reason.SELF_REFERRAL, ANA);
  }

  @Test
  @DisplayName("a new user in the referrer's own organisation is rejected as self_referral")
  void selfReferralByOrganization() {
    NewUser colleague = new NewUser("u_900", "org_9", BO_EMAIL, SIGNUP);
    assertDecision(decide(colleague, code(ANA)), Status.REJECTED, Reason.SELF_REFERRAL, ANA);
  }

  @Test
  @DisplayName("organisations count only when both sides have one: two users without an organisation are not the same")
  void missingOrganizationsDoNotMatch() {
    Referral anaWithoutOrg = referral(1, "ana-link", true, "u_123", null, ANA_EMAIL);
    assertDecision(decide(new NewUser("u_777", null, BO_EMAIL, SIGNUP), code(anaWithoutOrg)), Status.ATTRIBUTED, null, anaWithoutOrg);
    assertDecision(decide(new NewUser("u_777", "org_55", BO_EMAIL, SIGNUP), code(anaWithoutOrg)), Status.ATTRIBUTED, null, anaWithoutOrg);
    assertDecision(decide(new NewUser("u_777", null, BO_EMAIL, SIGNUP), code(ANA)), Status.ATTRIBUTED, null, ANA);
  }

  @Test
  @DisplayName("a new user with the referrer's email, however it is cased or padded, is rejected as self_referral")
  void selfReferralByEmail() {
    NewUser sameEmail = new NewUser("u_901", "org_55", EmailHash.of(TENANT, "Ana@Acme.example "), SIGNUP);
    assertDecision(decide(sameEmail, code(ANA)), Status.REJECTED, Reason.SELF_REFERRAL, ANA);
  }

  @Test
  @DisplayName("emails count only when both sides have one: a referrer or new user without an email is not matched by it")
  void missingEmailsDoNotMatch() {
    Referral anaWithoutEmail = referral(1, "ana-link", true, "u_123", "org_9", null);
    assertDecision(decide(new NewUser("u_777", null, null, SIGNUP), code(anaWithoutEmail)), Status.ATTRIBUTED, null, anaWithoutEmail);
    assertDecision(decide(BO, code(anaWithoutEmail)), Status.ATTRIBUTED, null, anaWithoutEmail);
    assertDecision(decide(new NewUser("u_777", null, null, SIGNUP), code(ANA)), Status.ATTRIBUTED, null, ANA);
  }

  @Test
  @DisplayName("the same email in another tenant is a different hash, so it is not a self-referral there")
  void emailHashIsPerTenant() {
    byte[] elsewhere = EmailHash.of(UUID.fromString("6f1c2a5e-0000-4000-8000-000000000002"), "ana@acme.example");
    assertDecision(decide(new NewUser("u_902", null, elsewhere, SIGNUP), code(ANA)), Status.ATTRIBUTED, null, ANA);
  }

  @Test
  @DisplayName("user ids are compared exactly: U_123 is not u_123")
  void userIdsAreCaseSensitive() {
    assertDecision(decide(new NewUser("U_123", null, null, SIGNUP), code(ANA)), Status.ATTRIBUTED, null, ANA);
  }

  @Test
  @DisplayName("a self-referral through a click is rejected just like one through a code")
  void selfReferralThroughClick() {
    NewUser colleague = new NewUser("u_900", "org_9", null, SIGNUP);
    assertDecision(decide(colleague, click(ANA, SIGNUP.minusSeconds(30))), Status.REJECTED, Reason.SELF_REFERRAL, ANA);
  }

  @Test
  @DisplayName("an expired click of the referrer themself reads as expired, not as self-referral")
  void expiryIsJudgedFirst() {
    NewUser anaAgain = new NewUser("u_123", "org_9", ANA_EMAIL, SIGNUP);
    assertDecision(decide(anaAgain, click(ANA, SIGNUP.minus(WINDOW).minusSeconds(1))), Status.UNATTRIBUTED, Reason.EXPIRED, null);
  }

  @Property
  @Label("with no click id and no code a signup is never attributed")
  void noEvidenceNeverAttributes(@ForAll("users") NewUser user, @ForAll @IntRange(min = 1, max = 3650) int windowDays) {
    Decision decision = AttributionRules.decide(user, Evidence.none(), Duration.ofDays(windowDays));
    assertThat(decision.status()).isNotEqualTo(Status.ATTRIBUTED);
    assertThat(decision.referral()).isNull();
  }

  @Property
  @Label("with a known click or an active code and distinct identities a signup is attributed unless its click expired")
  void validEvidenceAttributes(@ForAll("users") NewUser user, @ForAll("evidence") Evidence evidence,
      @ForAll @IntRange(min = 1, max = 3650) int windowDays) {
    Duration window = Duration.ofDays(windowDays);
    Decision decision = AttributionRules.decide(user, evidence, window);
    boolean expired = evidence.clicked() != null && Duration.between(evidence.clickedAt(), user.signedUpAt()).compareTo(window) > 0;
    if (expired) {
      assertThat(decision).isEqualTo(new Decision(Status.UNATTRIBUTED, Reason.EXPIRED, null));
    } else {
      Referral expected = evidence.clicked() != null ? evidence.clicked() : evidence.coded();
      assertThat(decision).isEqualTo(new Decision(Status.ATTRIBUTED, null, expected));
    }
  }

  /** New users whose ids, organisations and emails never collide with a referrer's ("r_…"). */
  @Provide
  Arbitrary<NewUser> users() {
    Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20).map(s -> "n_" + s);
    Arbitrary<String> orgs = ids.map(s -> "org_" + s).injectNull(0.3);
    Arbitrary<byte[]> emails = ids.map(s -> EmailHash.of(TENANT, s + "@new.example")).injectNull(0.3);
    Arbitrary<Instant> times = Arbitraries.longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli);
    return Combinators.combine(ids, orgs, emails, times).as(NewUser::new);
  }

  @Provide
  Arbitrary<Referral> referrals() {
    Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20).map(s -> "r_" + s);
    Arbitrary<String> orgs = ids.map(s -> "org_" + s).injectNull(0.3);
    Arbitrary<byte[]> emails = ids.map(s -> EmailHash.of(TENANT, s + "@referrer.example")).injectNull(0.3);
    return Combinators.combine(ids, orgs, emails, Arbitraries.of(true, false))
        .as((id, org, email, active) -> new Referral(7, "code-" + id, active, 70, id, org, email, CAMPAIGN));
  }

  /** Valid evidence: a known click (at any age, on a link active or not), or an active code with or without an unknown click id. */
  @Provide
  Arbitrary<Evidence> evidence() {
    Arbitrary<Instant> clickTimes = Arbitraries.longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli);
    Arbitrary<Evidence> clicks = Combinators.combine(referrals(), clickTimes, referrals().injectNull(0.5),
        Arbitraries.of(true, false)).as((clicked, at, coded, codeGiven) -> new Evidence(true, clicked, at, codeGiven, codeGiven ? coded : null));
    Arbitrary<Evidence> codes = Combinators.combine(referrals(), Arbitraries.of(true, false))
        .as((coded, clickIdGiven) -> new Evidence(clickIdGiven, null, null, true,
            new Referral(coded.linkId(), coded.code(), true, coded.referrerId(), coded.referrerUserId(), coded.referrerOrganizationId(),
                coded.referrerEmailHash(), coded.campaignId())));
    return Arbitraries.oneOf(clicks, codes);
  }

  @Property
  @Label("a click is expired exactly when it is more than the window older than the signup")
  void windowBoundary(@ForAll @LongRange(min = 0, max = 400L * 86_400_000) long ageMillis,
      @ForAll @IntRange(min = 1, max = 365) int windowDays) {
    Decision decision = AttributionRules.decide(BO, click(ANA, SIGNUP.minusMillis(ageMillis)), Duration.ofDays(windowDays));
    assertThat(decision.reason() == Reason.EXPIRED).isEqualTo(ageMillis > windowDays * 86_400_000L);
  }
}
