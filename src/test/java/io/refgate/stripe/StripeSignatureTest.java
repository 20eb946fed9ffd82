package io.refgate.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Headers are made and checked by Stripe's own Java library (stripe-java), so our scheme is Stripe's. */
class StripeSignatureTest {
  private static final String SECRET = "whsec_4eC39HqLyjWDarjtT1zdp7dcEt8k2LbQ";
  private static final long NOW = 1_796_292_930L;
  private static final String PAYLOAD = """
      {
        "id": "evt_1QfWm2LkdIwHu7ixJ2gWkD0c",
        "object": "event",
        "api_version": "2024-06-20",
        "created": 1796292930,
        "type": "invoice.paid",
        "data": {"object": {"id": "in_1QfWm0LkdIwHu7ixX1sKq1eV", "object": "invoice", "amount_paid": 10000, "currency": "eur"}}
      }
      """;

  /** The v1 signature exactly as stripe-java computes it. */
  static String stripeV1(String secret, long timestamp, String payload) {
    try {
      return Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String stripeHeader(String secret, long timestamp, String payload) {
    return "t=" + timestamp + ",v1=" + stripeV1(secret, timestamp, payload);
  }

  private static String problem(String header, String payload) {
    return StripeSignature.problem(header, payload.getBytes(StandardCharsets.UTF_8), SECRET, Instant.ofEpochSecond(NOW));
  }

  private static String ourHeader(long timestamp, String payload, String secret) {
    return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(StripeSignature.sign(timestamp, payload.getBytes(StandardCharsets.UTF_8), secret));
  }

  private static boolean stripeAccepts(String payload, String header, String secret) throws SignatureVerificationException {
    return Webhook.Signature.verifyHeader(payload, header, secret, 300, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
  }

  @Test
  @DisplayName("a webhook signed by Stripe's library with the tenant's secret is accepted")
  void acceptsStripeSignedWebhook() {
    assertThat(problem(stripeHeader(SECRET, NOW, PAYLOAD), PAYLOAD)).isNull();
  }

  @Test
  @DisplayName("Stripe's library accepts a signature Refgate computes, so both sides agree on the scheme")
  void stripeAcceptsOurSignature() throws SignatureVerificationException {
    assertThat(stripeAccepts(PAYLOAD, ourHeader(NOW, PAYLOAD, SECRET), SECRET)).isTrue();
    assertThat(ourHeader(NOW, PAYLOAD, SECRET)).isEqualTo(stripeHeader(SECRET, NOW, PAYLOAD));
  }

  @Test
  @DisplayName("a payload with non-ASCII text is signed over its UTF-8 bytes, as Stripe does")
  void utf8Payload() throws SignatureVerificationException {
    String payload = "{\"id\":\"evt_1\",\"data\":{\"object\":{\"name\":\"Zoë Ångström – 東京 🚀\"}}}";
    assertThat(problem(stripeHeader(SECRET, NOW, payload), payload)).isNull();
    assertThat(stripeAccepts(payload, ourHeader(NOW, payload, SECRET), SECRET)).isTrue();
  }

  @Test
  @DisplayName("a signature made with another secret is refused")
  void wrongSecret() {
    assertThat(problem(stripeHeader("whsec_someoneElsesSecret", NOW, PAYLOAD), PAYLOAD)).isNotNull();
  }

  @Test
  @DisplayName("a payload changed after signing is refused, even by one character")
  void tamperedPayload() {
    String header = stripeHeader(SECRET, NOW, PAYLOAD);
    assertThat(problem(header, PAYLOAD.replace("10000", "90000"))).isNotNull();
    assertThat(problem(header, PAYLOAD + " ")).isNotNull();
  }

  @Test
  @DisplayName("a signature whose timestamp was changed after signing is refused")
  void tamperedTimestamp() {
    String v1 = stripeV1(SECRET, NOW, PAYLOAD);
    assertThat(problem("t=" + (NOW - 1) + ",v1=" + v1, PAYLOAD)).isNotNull();
  }

  @ParameterizedTest(name = "{0} s from now")
  @ValueSource(longs = {-300, -299, 0, 299, 300})
  @DisplayName("a signature up to 300 seconds old or ahead of our clock is accepted")
  void withinTolerance(long offset) {
    assertThat(problem(stripeHeader(SECRET, NOW + offset, PAYLOAD), PAYLOAD)).isNull();
  }

  @ParameterizedTest(name = "{0} s from now")
  @ValueSource(longs = {-301, 301, -86_400, 86_400})
  @DisplayName("a signature more than 300 seconds old or ahead of our clock is refused, however valid")
  void outsideTolerance(long offset) {
    assertThat(problem(stripeHeader(SECRET, NOW + offset, PAYLOAD), PAYLOAD)).contains("300 seconds");
  }

  @Test
  @DisplayName("Stripe's library agrees: a signature 301 seconds old is stale")
  void stripeAgreesOnStaleness() {
    assertThatThrownBy(() -> stripeAccepts(PAYLOAD, ourHeader(NOW - 301, PAYLOAD, SECRET), SECRET))
        .isInstanceOf(SignatureVerificationException.class);
  }

  @ParameterizedTest(name = "matching signature at position {0}")
  @ValueSource(ints = {0, 1, 2})
  @DisplayName("while a secret is being rolled, a header with several v1 signatures is accepted when any one matches")
  void severalSignatures(int position) {
    String[] v1 = {stripeV1("whsec_old", NOW, PAYLOAD), stripeV1("whsec_older", NOW, PAYLOAD), stripeV1("whsec_oldest", NOW, PAYLOAD)};
    v1[position] = stripeV1(SECRET, NOW, PAYLOAD);
    String header = "t=" + NOW + ",v1=" + v1[0] + ",v1=" + v1[1] + ",v1=" + v1[2];
    assertThat(problem(header, PAYLOAD)).isNull();
  }

  @Test
  @DisplayName("a header with several v1 signatures of which none matches is refused")
  void severalSignaturesNoneMatching() {
    String header = "t=" + NOW + ",v1=" + stripeV1("whsec_a", NOW, PAYLOAD) + ",v1=" + stripeV1("whsec_b", NOW, PAYLOAD);
    assertThat(problem(header, PAYLOAD)).isNotNull();
  }

  @Test
  @DisplayName("a header with other schemes next to v1 (as Stripe sends in test mode) is accepted")
  void otherSchemesAlongside() {
    String v0 = stripeV1("whsec_v0", NOW, PAYLOAD);
    assertThat(problem("t=" + NOW + ",v1=" + stripeV1(SECRET, NOW, PAYLOAD) + ",v0=" + v0, PAYLOAD)).isNull();
    assertThat(problem("t=" + NOW + ", v1=" + stripeV1(SECRET, NOW, PAYLOAD), PAYLOAD)).as("a space after the comma").isNull();
  }

  @Test
  @DisplayName("a header with only a v0 signature is refused, even when v0 carries the right HMAC")
  void v0Only() {
    assertThat(problem("t=" + NOW + ",v0=" + stripeV1(SECRET, NOW, PAYLOAD), PAYLOAD)).isNotNull();
  }

  @Test
  @DisplayName("a missing or blank header is refused, saying it is missing")
  void missingHeader() {
    assertThat(problem(null, PAYLOAD)).contains("missing");
    assertThat(problem("", PAYLOAD)).contains("missing");
    assertThat(problem("   ", PAYLOAD)).contains("missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "t=,v1=", "v1=abc", "t=1796292930", "t=soon,v1=00", ",,,", "=", "t=1796292930,v1"})
  @DisplayName("a header that is not t=…,v1=… is refused")
  void garbageHeader(String header) {
    assertThat(problem(header, PAYLOAD)).isNotNull();
  }

  @Test
  @DisplayName("a header whose v1 is not hexadecimal is refused")
  void nonHexSignature() {
    String v1 = stripeV1(SECRET, NOW, PAYLOAD);
    assertThat(problem("t=" + NOW + ",v1=" + v1.replace(v1.charAt(0), 'z'), PAYLOAD)).isNotNull();
    assertThat(problem("t=" + NOW + ",v1=" + v1.substring(1), PAYLOAD)).as("odd number of digits").isNotNull();
    assertThat(problem("t=" + NOW + ",v1=", PAYLOAD)).as("empty").isNotNull();
  }

  @Test
  @DisplayName("a signature cut short is refused")
  void truncatedSignature() {
    String v1 = stripeV1(SECRET, NOW, PAYLOAD);
    assertThat(problem("t=" + NOW + ",v1=" + v1.substring(0, 32), PAYLOAD)).isNotNull();
  }

  @Property
  @Label("for any payload and secret, a Stripe-made header is accepted and Stripe accepts ours")
  void agreesWithStripe(@ForAll @StringLength(max = 2000) String payload,
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 64) String secretTail,
      @ForAll @LongRange(min = -300, max = 300) long skew) throws SignatureVerificationException {
    String secret = "whsec_" + secretTail;
    long timestamp = NOW + skew;
    assertThat(StripeSignature.problem(stripeHeader(secret, timestamp, payload), payload.getBytes(StandardCharsets.UTF_8), secret,
        Instant.ofEpochSecond(NOW))).isNull();
    assertThat(stripeAccepts(payload, ourHeader(timestamp, payload, secret), secret)).isTrue();
  }
}
