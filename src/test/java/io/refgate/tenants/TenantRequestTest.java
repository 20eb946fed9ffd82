package io.refgate.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refgate.http.ApiException;
import io.refgate.http.FieldError;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenantRequestTest {
  private static final String MINIMAL = "{\"name\": \"Acme\", \"allowed_hosts\": [\"acme.example\", \"*.acme.example\"]}";

  private static Tenant create(String json) {
    return TenantRequest.create(new JsonObject(json));
  }

  private static Tenant full() {
    return create("{\"name\": \"Acme\", \"allowed_hosts\": [\"acme.example\"], \"cookie_domain\": \"acme.example\","
        + " \"attribution_window_days\": 30, \"attribution_model\": \"first_click\", \"ref_param\": \"via\","
        + " \"click_param\": \"cid\", \"stripe_webhook_secret\": \"whsec_abc\"}");
  }

  private static void assertInvalid(Runnable call, String... fields) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(fields);
    });
  }

  @Test
  @DisplayName("a tenant created with only a name and allowed hosts gets the documented defaults")
  void createDefaults() {
    Tenant tenant = create(MINIMAL);
    assertThat(tenant.id()).isNotNull();
    assertThat(tenant.name()).isEqualTo("Acme");
    assertThat(tenant.allowedHosts()).containsExactly("acme.example", "*.acme.example");
    assertThat(tenant.cookieDomain()).isNull();
    assertThat(tenant.attributionWindowDays()).isEqualTo(90);
    assertThat(tenant.attributionModel()).isEqualTo("last_click");
    assertThat(tenant.refParam()).isEqualTo("ref");
    assertThat(tenant.clickParam()).isEqualTo("click_id");
    assertThat(tenant.stripeWebhookSecret()).isNull();
  }

  @Test
  @DisplayName("every setting given at creation is taken")
  void createWithEverySetting() {
    Tenant tenant = full();
    assertThat(tenant.cookieDomain()).isEqualTo("acme.example");
    assertThat(tenant.attributionWindowDays()).isEqualTo(30);
    assertThat(tenant.attributionModel()).isEqualTo("first_click");
    assertThat(tenant.refParam()).isEqualTo("via");
    assertThat(tenant.clickParam()).isEqualTo("cid");
    assertThat(tenant.stripeWebhookSecret()).isEqualTo("whsec_abc");
  }

  @Test
  @DisplayName("hosts and cookie domain are stored lower-case, and a leading dot on the domain is dropped")
  void normalisesHostsAndDomain() {
    Tenant tenant = create("{\"name\": \"Acme\", \"allowed_hosts\": [\"ACME.Example\"], \"cookie_domain\": \".Acme.Example\"}");
    assertThat(tenant.allowedHosts()).containsExactly("acme.example");
    assertThat(tenant.cookieDomain()).isEqualTo("acme.example");
  }

  @Test
  @DisplayName("a tenant without name and allowed hosts is refused, naming both")
  void requiredFields() {
    assertInvalid(() -> create("{}"), "name", "allowed_hosts");
    assertInvalid(() -> create("{\"name\": null, \"allowed_hosts\": null}"), "name", "allowed_hosts");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "name                    | ''",
      "name                    | 42",
      "allowed_hosts           | []",
      "allowed_hosts           | ['https://acme.example']",
      "allowed_hosts           | 'acme.example'",
      "allowed_hosts           | ['acme.example', '*']",
      "cookie_domain           | 'acme example'",
      "attribution_window_days | 0",
      "attribution_window_days | 3651",
      "attribution_window_days | '90'",
      "attribution_window_days | 1.5",
      "attribution_model       | 'linear'",
      "ref_param               | ''",
      "ref_param               | 'ref param'",
      "click_param             | 'click&id'",
      "click_param             | 'ref'",
      "stripe_webhook_secret   | ''",
  })
  @DisplayName("each bad setting gives a 422 naming that field")
  void badFieldIsNamed(String field, String value) {
    JsonObject body = new JsonObject(MINIMAL).put(field, new JsonObject("{\"v\": " + value.replace('\'', '"') + "}").getValue("v"));
    assertInvalid(() -> TenantRequest.create(body), field);
  }

  @Test
  @DisplayName("every bad field of one request is reported together")
  void reportsAllErrorsAtOnce() {
    assertInvalid(() -> create("{\"name\": \"\", \"allowed_hosts\": [], \"attribution_model\": \"linear\", \"ref_param\": \"a b\"}"),
        "name", "allowed_hosts", "attribution_model", "ref_param");
  }

  @Test
  @DisplayName("a PATCH changes only the settings it names")
  void patchKeepsUnspecifiedFields() {
    Tenant before = full();
    Tenant after = TenantRequest.patch(new JsonObject("{\"attribution_window_days\": 7, \"stripe_webhook_secret\": \"whsec_new\"}"), before);
    assertThat(after.attributionWindowDays()).isEqualTo(7);
    assertThat(after.stripeWebhookSecret()).isEqualTo("whsec_new");
    assertThat(after).usingRecursiveComparison().ignoringFields("attributionWindowDays", "stripeWebhookSecret").isEqualTo(before);
  }

  @Test
  @DisplayName("a PATCH with null clears the cookie domain and turns the Stripe webhook off")
  void patchNullClearsOptionalSettings() {
    Tenant after = TenantRequest.patch(new JsonObject("{\"cookie_domain\": null, \"stripe_webhook_secret\": null}"), full());
    assertThat(after.cookieDomain()).isNull();
    assertThat(after.stripeWebhookSecret()).isNull();
    assertThat(after.toJson().getBoolean("stripe_webhook_configured")).isFalse();
  }

  @Test
  @DisplayName("a PATCH cannot clear required settings")
  void patchCannotClearRequiredSettings() {
    assertInvalid(() -> TenantRequest.patch(new JsonObject("{\"name\": null, \"allowed_hosts\": null, \"attribution_window_days\": null,"
        + " \"attribution_model\": null, \"ref_param\": null, \"click_param\": null}"), full()),
        "name", "allowed_hosts", "attribution_window_days", "attribution_model", "ref_param", "click_param");
  }

  @Test
  @DisplayName("a PATCH that makes ref_param equal click_param is refused")
  void patchKeepsParamsDistinct() {
    assertInvalid(() -> TenantRequest.patch(new JsonObject("{\"ref_param\": \"cid\"}"), full()), "click_param");
  }

  @Test
  @DisplayName("the API view of a tenant never shows its Stripe secret")
  void jsonHidesSecret() {
    JsonObject json = full().toJson();
    assertThat(json.encode()).doesNotContain("whsec_abc");
    assertThat(json.getBoolean("stripe_webhook_configured")).isTrue();
  }
}
