package io.refgate.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refgate.http.ApiException;
import io.refgate.http.FieldError;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventRequestsTest {
  private static final Instant RECEIVED = Instant.parse("2026-12-03T10:15:30Z");
  private static final String LONGEST_ID = "e".repeat(255);

  /** JSON written with single quotes for readability. */
  private static JsonObject json(String text) {
    return new JsonObject(text.replace('\'', '"'));
  }

  private static void assertRefused(BiFunction<JsonObject, Instant, ?> parser, String body, String... fields) {
    assertThatThrownBy(() -> parser.apply(json(body), RECEIVED)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(fields);
      assertThat(e.errors()).extracting(FieldError::message).allSatisfy(message -> assertThat(message).isNotBlank());
    });
  }

  // --- signup

  @Test
  @DisplayName("a full signup is read field by field")
  void fullSignup() {
    EventRequests.Signup signup = EventRequests.signup(json("{'event_id': 'evt_1', 'new_user_id': 'u_777', 'organization_id': 'org_55', "
        + "'email': 'bo@other.example', 'click_id': '0Hb3kZ9xQ2mW7pLr4tYv1a', 'code': 'ana-link', 'occurred_at': '2026-12-01T08:00:00Z'}"),
        RECEIVED);
    assertThat(signup).isEqualTo(new EventRequests.Signup("evt_1", "u_777", "org_55", "bo@other.example", "0Hb3kZ9xQ2mW7pLr4tYv1a",
        "ana-link", Instant.parse("2026-12-01T08:00:00Z")));
  }

  @Test
  @DisplayName("a signup needs only its event id and new user id; it happened when it was received unless it says otherwise")
  void minimalSignup() {
    assertThat(EventRequests.signup(json("{'event_id': 'evt_1', 'new_user_id': 'u_777'}"), RECEIVED))
        .isEqualTo(new EventRequests.Signup("evt_1", "u_777", null, null, null, null, RECEIVED));
  }

  @Test
  @DisplayName("an occurred_at with an offset is read as the same instant in UTC")
  void occurredAtWithOffset() {
    assertThat(EventRequests.signup(json("{'event_id': 'e', 'new_user_id': 'u', 'occurred_at': '2026-12-03T11:15:30+01:00'}"), RECEIVED)
        .occurredAt()).isEqualTo(RECEIVED);
  }

  @Test
  @DisplayName("unknown fields in a signup are ignored")
  void unknownFieldsIgnored() {
    assertThat(EventRequests.signup(json("{'event_id': 'evt_1', 'new_user_id': 'u_777', 'plan': 'business', 'utm': {'source': 'x'}}"),
        RECEIVED).newUserId()).isEqualTo("u_777");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{'new_user_id': 'u_777'}                                         | event_id",
      "{'event_id': null, 'new_user_id': 'u_777'}                       | event_id",
      "{'event_id': '', 'new_user_id': 'u_777'}                         | event_id",
      "{'event_id': 42, 'new_user_id': 'u_777'}                         | event_id",
      "{'event_id': 'evt_1'}                                            | new_user_id",
      "{'event_id': 'evt_1', 'new_user_id': ''}                         | new_user_id",
      "{'event_id': 'evt_1', 'new_user_id': 'u', 'email': 'not-an-email'} | email",
      "{'event_id': 'evt_1', 'new_user_id': 'u', 'email': '@acme.example'} | email",
      "{'event_id': 'evt_1', 'new_user_id': 'u', 'occurred_at': 'yesterday'} | occurred_at",
      "{'event_id': 'evt_1', 'new_user_id': 'u', 'occurred_at': '2026-12-03'} | occurred_at",
      "{'event_id': 'evt_1', 'new_user_id': 'u', 'occurred_at': 1796292930} | occurred_at",
      "{'event_id': 'evt_1', 'new_user_id': 'u', 'code': ''}            | code",
      "{'event_id': 'evt_1', 'new_user_id': 'u', 'click_id': 7}         | click_id",
  })
  @DisplayName("a bad signup is refused with 422 naming the field at fault")
  void badSignup(String body, String field) {
    assertRefused(EventRequests::signup, body, field);
  }

  @Test
  @DisplayName("an event id of 255 characters is accepted and one of 256 is refused")
  void eventIdLength() {
    assertThat(EventRequests.signup(json("{'event_id': '" + LONGEST_ID + "', 'new_user_id': 'u'}"), RECEIVED).eventId())
        .isEqualTo(LONGEST_ID);
    assertRefused(EventRequests::signup, "{'event_id': '" + LONGEST_ID + "x', 'new_user_id': 'u'}", "event_id");
  }

  @Test
  @DisplayName("every problem of a signup is reported in one answer")
  void everyProblemAtOnce() {
    assertRefused(EventRequests::signup, "{'email': 'nope', 'occurred_at': 'yesterday'}", "event_id", "new_user_id", "email", "occurred_at");
  }

  // --- milestone

  @Test
  @DisplayName("a milestone names its referee by user id or by organisation")
  void milestone() {
    assertThat(EventRequests.milestone(json("{'event_id': 'evt_2', 'new_user_id': 'u_777', 'name': 'demo_attended'}"), RECEIVED))
        .isEqualTo(new EventRequests.Milestone("evt_2", "u_777", null, "demo_attended", RECEIVED));
    assertThat(EventRequests.milestone(json("{'event_id': 'evt_3', 'organization_id': 'org_55', 'name': 'demo_attended', "
        + "'occurred_at': '2026-12-02T09:00:00Z'}"), RECEIVED))
        .isEqualTo(new EventRequests.Milestone("evt_3", null, "org_55", "demo_attended", Instant.parse("2026-12-02T09:00:00Z")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{'event_id': 'evt_2', 'name': 'demo_attended'}                            | new_user_id",
      "{'event_id': 'evt_2', 'new_user_id': null, 'organization_id': null, 'name': 'demo_attended'} | new_user_id",
      "{'event_id': 'evt_2', 'new_user_id': 'u_777'}                             | name",
      "{'event_id': 'evt_2', 'new_user_id': 'u_777', 'name': ''}                 | name",
      "{'new_user_id': 'u_777', 'name': 'demo_attended'}                         | event_id",
      "{'event_id': 'evt_2', 'organization_id': 5, 'name': 'demo_attended'}      | organization_id",
      "{'event_id': 'evt_2', 'new_user_id': 'u', 'name': 'demo', 'occurred_at': 'yesterday'} | occurred_at",
  })
  @DisplayName("a bad milestone is refused with 422 naming the field at fault")
  void badMilestone(String body, String field) {
    assertRefused(EventRequests::milestone, body, field);
  }

  // --- billing

  @Test
  @DisplayName("a paid invoice is read with its payment, amount and currency")
  void invoicePaid() {
    EventRequests.Billing billing = EventRequests.billing(json("{'event_id': 'evt_9', 'type': 'invoice.paid', 'new_user_id': 'u_777', "
        + "'organization_id': 'org_55', 'payment_id': 'in_1', 'amount_minor': 10000, 'currency': 'EUR', "
        + "'occurred_at': '2026-12-03T10:00:00Z'}"), RECEIVED);
    assertThat(billing).isEqualTo(new EventRequests.Billing("evt_9", "invoice.paid", "u_777", "org_55", "in_1", 10000L, "EUR",
        Instant.parse("2026-12-03T10:00:00Z")));
    assertThat(billing.isRefund()).isFalse();
  }

  @Test
  @DisplayName("a payment may name only the paying organisation, and may be of zero")
  void paymentByOrganization() {
    EventRequests.Billing billing = EventRequests.billing(json("{'event_id': 'evt_9', 'type': 'charge.succeeded', "
        + "'organization_id': 'org_55', 'payment_id': 'ch_1', 'amount_minor': 0, 'currency': 'USD'}"), RECEIVED);
    assertThat(billing).isEqualTo(new EventRequests.Billing("evt_9", "charge.succeeded", null, "org_55", "ch_1", 0L, "USD", RECEIVED));
  }

  @Test
  @DisplayName("a refund without an amount is a refund of the whole remaining payment, and needs no referee or currency")
  void wholeRefund() {
    EventRequests.Billing refund = EventRequests.billing(json("{'event_id': 'evt_10', 'type': 'charge.refunded', 'payment_id': 'in_1'}"),
        RECEIVED);
    assertThat(refund).isEqualTo(new EventRequests.Billing("evt_10", "charge.refunded", null, null, "in_1", null, null, RECEIVED));
    assertThat(refund.isRefund()).isTrue();
  }

  @Test
  @DisplayName("a partial refund carries its amount and currency")
  void partialRefund() {
    assertThat(EventRequests.billing(json("{'event_id': 'evt_10', 'type': 'charge.refunded', 'payment_id': 'in_1', "
        + "'amount_minor': 2500, 'currency': 'EUR'}"), RECEIVED).amountMinor()).isEqualTo(2500L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{'event_id': 'e', 'type': 'invoice.paid', 'new_user_id': 'u', 'payment_id': 'in_1', 'amount_minor': -1, 'currency': 'EUR'}    | amount_minor",
      "{'event_id': 'e', 'type': 'invoice.paid', 'new_user_id': 'u', 'payment_id': 'in_1', 'currency': 'EUR'}                        | amount_minor",
      "{'event_id': 'e', 'type': 'invoice.paid', 'new_user_id': 'u', 'payment_id': 'in_1', 'amount_minor': 99.5, 'currency': 'EUR'}  | amount_minor",
      "{'event_id': 'e', 'type': 'invoice.paid', 'new_user_id': 'u', 'payment_id': 'in_1', 'amount_minor': '100', 'currency': 'EUR'} | amount_minor",
      "{'event_id': 'e', 'type': 'invoice.paid', 'new_user_id': 'u', 'payment_id': 'in_1', 'amount_minor': 100, 'currency': 'eur'}   | currency",
      "{'event_id': 'e', 'type': 'invoice.paid', 'new_user_id': 'u', 'payment_id': 'in_1', 'amount_minor': 100, 'currency': 'EURO'}  | currency",
      "{'event_id': 'e', 'type': 'invoice.paid', 'new_user_id': 'u', 'payment_id': 'in_1', 'amount_minor': 100}                      | currency",
      "{'event_id': 'e', 'type': 'invoice.paid', 'new_user_id': 'u', 'amount_minor': 100, 'currency': 'EUR'}                         | payment_id",
      "{'event_id': 'e', 'type': 'invoice.paid', 'payment_id': 'in_1', 'amount_minor': 100, 'currency': 'EUR'}                       | new_user_id",
      "{'event_id': 'e', 'type': 'invoice.voided', 'new_user_id': 'u', 'payment_id': 'in_1', 'amount_minor': 100, 'currency': 'EUR'} | type",
      "{'event_id': 'e', 'new_user_id': 'u', 'payment_id': 'in_1', 'amount_minor': 100, 'currency': 'EUR'}                           | type",
      "{'type': 'invoice.paid', 'new_user_id': 'u', 'payment_id': 'in_1', 'amount_minor': 100, 'currency': 'EUR'}                    | event_id",
      "{'event_id': 'e', 'type': 'charge.refunded', 'payment_id': 'in_1', 'amount_minor': 0}                                         | amount_minor",
      "{'event_id': 'e', 'type': 'charge.refunded', 'payment_id': 'in_1', 'amount_minor': -100}                                      | amount_minor",
      "{'event_id': 'e', 'type': 'charge.refunded', 'payment_id': 'in_1', 'currency': 'eur'}                                         | currency",
      "{'event_id': 'e', 'type': 'charge.refunded', 'amount_minor': 100}                                                             | payment_id",
      "{'event_id': 'e', 'type': 'invoice.paid', 'new_user_id': 'u', 'payment_id': 'in_1', 'amount_minor': 1, 'currency': 'EUR', 'occurred_at': 'yesterday'} | occurred_at",
  })
  @DisplayName("a bad billing event is refused with 422 naming the field at fault")
  void badBilling(String body, String field) {
    assertRefused(EventRequests::billing, body, field);
  }

  @Test
  @DisplayName("a billing event of an unknown type is refused naming only the type, not the fields whose rules depend on it")
  void unknownTypeNamesOnlyType() {
    assertRefused(EventRequests::billing, "{'event_id': 'e', 'type': 'payout.paid', 'payment_id': 'po_1', 'amount_minor': 5, "
        + "'currency': 'EUR'}", "type");
    assertRefused(EventRequests::billing, "{'event_id': 'e', 'type': 'payout.paid', 'payment_id': 'po_1'}", "type");
    assertRefused(EventRequests::billing, "{'payment_id': 'po_1'}", "event_id", "type");
  }

  // --- activity

  @ParameterizedTest
  @ValueSource(strings = {"viewed", "copied", "shared"})
  @DisplayName("an activity of each known type is read")
  void activity(String type) {
    assertThat(EventRequests.activity(json("{'event_id': 'evt_5', 'user_id': 'u_123', 'type': '" + type + "'}"), RECEIVED))
        .isEqualTo(new EventRequests.Activity("evt_5", "u_123", type, RECEIVED));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{'event_id': 'evt_5', 'user_id': 'u_123', 'type': 'liked'}                            | type",
      "{'event_id': 'evt_5', 'user_id': 'u_123', 'type': 'Shared'}                           | type",
      "{'event_id': 'evt_5', 'user_id': 'u_123'}                                             | type",
      "{'event_id': 'evt_5', 'type': 'shared'}                                               | user_id",
      "{'user_id': 'u_123', 'type': 'shared'}                                                | event_id",
      "{'event_id': 'evt_5', 'user_id': 'u_123', 'type': 'shared', 'occurred_at': 'yesterday'} | occurred_at",
  })
  @DisplayName("a bad activity is refused with 422 naming the field at fault")
  void badActivity(String body, String field) {
    assertRefused(EventRequests::activity, body, field);
  }
}
