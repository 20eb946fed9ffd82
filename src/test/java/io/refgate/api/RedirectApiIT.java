package io.refgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.refgate.app.Refgate;
import io.refgate.testing.Api;
import io.refgate.testing.Browsers;
import io.refgate.testing.Db;
import io.refgate.testing.Metrics;
import io.refgate.testing.TestGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The redirect: GET/HEAD /r/{code} (CONTRACT §4)")
class RedirectApiIT {
  private final Refgate gateway = TestGateway.shared();
  private final Api api = new Api(gateway);
  private final Api.Tenant tenant = api.tenant();

  RedirectApiIT() {
    api.campaign(tenant, new JsonObject().put("destination_url", "https://acme.example/signup?plan=business#top"));
  }

  private void flushClicks() {
    gateway.clickWriter().flush(5_000).await();
  }

  @Test
  @DisplayName("an active code answers 302 to the destination with ref and click_id, passing the visitor's own parameters")
  void redirects() {
    String code = api.referrer(tenant, "u_1");

    Api.Reply reply = api.send("GET", "/r/" + code + "?utm_source=newsletter&plan=free&ref=evil&click_id=forged", null, null,
        Map.of("User-Agent", Browsers.CHROME));

    assertThat(reply.status()).isEqualTo(302);
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    String clickId = Api.clickIdOf(reply);
    assertThat(reply.header("Location")).isEqualTo(
        "https://acme.example/signup?plan=business&ref=" + code + "&click_id=" + clickId + "&utm_source=newsletter#top");
  }

  @Test
  @DisplayName("a person gets rg_click (HttpOnly) and rg_ref with the window as Max-Age, Path=/, SameSite=Lax and Secure")
  void setsCookies() {
    String code = api.referrer(tenant, "u_1");

    Api.Reply reply = api.click(code, Browsers.SAFARI_IPHONE);
    String clickId = Api.clickIdOf(reply);

    assertThat(reply.cookies()).containsExactly(
        "rg_click=" + clickId + "; Path=/; Max-Age=7776000; SameSite=Lax; Secure; HttpOnly",
        "rg_ref=" + code + "; Path=/; Max-Age=7776000; SameSite=Lax; Secure");
  }

  @Test
  @DisplayName("the tenant's cookie domain and window shape the cookies")
  void cookieDomainAndWindow() {
    Api.Tenant shop = api.tenant(new JsonObject().put("name", "Shop " + UUID.randomUUID())
        .put("allowed_hosts", new JsonArray().add("shop.example")).put("cookie_domain", "shop.example")
        .put("attribution_window_days", 30));
    api.campaign(shop, new JsonObject().put("destination_url", "https://shop.example/"));
    String code = api.referrer(shop, "u_1");

    Api.Reply reply = api.click(code, Browsers.CHROME);

    assertThat(reply.cookies()).allSatisfy(c -> assertThat(c).contains("; Path=/; Max-Age=2592000; Domain=shop.example; SameSite=Lax; Secure"));
  }

  @Test
  @DisplayName("click ids are unique, URL-safe and at most 40 characters")
  void clickIds() {
    String code = api.referrer(tenant, "u_1");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      ids.add(Api.clickIdOf(api.click(code, Browsers.CHROME)));
    }

    assertThat(ids).hasSize(50).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_~.-]{1,40}"));
  }

  @Test
  @DisplayName("every redirect is stored as a click, with the IP anonymised and only the referer's host")
  void recordsClicks() {
    String code = api.referrer(tenant, "u_1");
    api.send("GET", "/r/" + code, null, null, Map.of("User-Agent", Browsers.CHROME, "Referer", "https://news.example/path?secret=1"));
    api.click(code, Browsers.CHROME);
    flushClicks();

    var rows = Db.rows("SELECT c.ip_prefix, c.user_agent, c.referer_host, c.bot FROM clicks c JOIN links l ON l.id = c.link_id"
        + " WHERE l.code = ? ORDER BY c.referer_host NULLS LAST", code);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsEntry("ip_prefix", "127.0.0.0").containsEntry("user_agent", Browsers.CHROME)
        .containsEntry("referer_host", "news.example").containsEntry("bot", false);
  }

  @Test
  @DisplayName("HEAD answers the redirect without cookies and records no click")
  void head() {
    String code = api.referrer(tenant, "u_1");

    Api.Reply reply = api.send("HEAD", "/r/" + code, null, null, Map.of("User-Agent", Browsers.CHROME));
    flushClicks();

    assertThat(reply.status()).isEqualTo(302);
    assertThat(reply.header("Location")).isEqualTo("https://acme.example/signup?plan=business&ref=" + code + "#top");
    assertThat(reply.cookies()).isEmpty();
    assertThat(clicksOf(code)).isZero();
  }

  @Test
  @DisplayName("bots, link-preview fetchers and prefetches get the redirect without cookies and are recorded as bots")
  void bots() {
    String code = api.referrer(tenant, "u_1");

    Api.Reply slack = api.click(code, Browsers.SLACKBOT);
    Api.Reply curl = api.click(code, "curl/8.5.0");
    List<String> noAgent = api.getWithoutUserAgent("/r/" + code);
    Api.Reply prefetch = api.click(code, Browsers.CHROME, Map.of("Sec-Purpose", "prefetch;prerender"));
    flushClicks();

    assertThat(noAgent).containsExactly("HTTP/1.1 302 Found");
    for (Api.Reply reply : new Api.Reply[] {slack, curl, prefetch}) {
      assertThat(reply.status()).isEqualTo(302);
      assertThat(reply.cookies()).isEmpty();
    }
    assertThat(Db.count("SELECT count(*) FROM clicks c JOIN links l ON l.id = c.link_id WHERE l.code = ? AND c.bot", code)).isEqualTo(4);
  }

  @Test
  @DisplayName("with first_click a visitor holding a live rg_click keeps it, and the click is still recorded")
  void firstClick() {
    Api.Tenant first = api.tenant(new JsonObject().put("name", "First " + UUID.randomUUID())
        .put("allowed_hosts", new JsonArray().add("acme.example")).put("attribution_model", "first_click"));
    api.campaign(first, new JsonObject());
    String code = api.referrer(first, "u_1");
    String held = Api.clickIdOf(api.click(code, Browsers.CHROME));

    Api.Reply again = api.click(code, Browsers.CHROME, Map.of("Cookie", "theme=dark; rg_click=" + held));
    Api.Reply stale = api.click(code, Browsers.CHROME, Map.of("Cookie", "rg_click=01ABCDEFGHIJKLMNOPQRST"));
    flushClicks();

    assertThat(again.status()).isEqualTo(302);
    assertThat(again.cookies()).isEmpty();
    assertThat(stale.cookies()).hasSize(2);
    assertThat(clicksOf(code)).isEqualTo(3);
  }

  @Test
  @DisplayName("last_click replaces a visitor's earlier cookies")
  void lastClick() {
    String code = api.referrer(tenant, "u_1");
    String earlier = Api.clickIdOf(api.click(code, Browsers.CHROME));

    Api.Reply again = api.click(code, Browsers.CHROME, Map.of("Cookie", "rg_click=" + earlier));

    assertThat(again.cookies()).hasSize(2).first().asString().doesNotContain(earlier);
  }

  @Test
  @DisplayName("unknown and disabled codes are 404: problem+json by default, a small page for browsers")
  void notFound() {
    String code = api.referrer(tenant, "u_1");
    api.patch("/v1/links/" + code, tenant.apiKey(), new JsonObject().put("active", false));

    Api.Reply disabled = api.click(code, Browsers.CHROME);
    Api.Reply unknown = api.click("NoSuchCode42", Browsers.CHROME);
    Api.Reply page = api.click("NoSuchCode42", Browsers.CHROME, Map.of("Accept", "text/html,application/xhtml+xml"));

    assertThat(disabled.status()).isEqualTo(404);
    assertThat(disabled.cookies()).isEmpty();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).isEqualTo("application/problem+json");
    assertThat(unknown.json().getInteger("status")).isEqualTo(404);
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("Link not found");
  }

  @Test
  @DisplayName("a malformed code is 404 without a single cache or database lookup")
  void malformedCodes() {
    double before = lookups();

    for (String path : new String[] {"/r/abc", "/r/" + "a".repeat(33), "/r/bad%21code", "/r/with.dot", "/r/a/b/c/d", "/r/"}) {
      Api.Reply reply = api.send("GET", path, null, null, Map.of("User-Agent", Browsers.CHROME));
      assertThat(reply.status()).as(path).isEqualTo(404);
    }

    assertThat(lookups()).isEqualTo(before);
    assertThat(api.management("/metrics").body()).contains("refgate_redirects_total{outcome=\"invalid\"}");
  }

  @Test
  @DisplayName("other methods on a referral link are 405 with Allow")
  void methods() {
    Api.Reply reply = api.send("POST", "/r/abcdefgh", null, "{}", Map.of());

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo("GET, HEAD");
  }

  @Test
  @DisplayName("with a fallback URL, unknown and malformed codes are sent there; with cookie.secure false cookies lose Secure")
  void fallbackAndInsecureCookies() {
    Refgate custom = TestGateway.start(Map.of("redirect.fallback_url", "https://acme.example/oops", "cookie.secure", "false",
        "http.trust_proxy_hops", "1"));
    try {
      Api other = new Api(custom);
      String code = api.referrer(tenant, "u_1");

      assertThat(other.click("NoSuchCode42", Browsers.CHROME).header("Location")).isEqualTo("https://acme.example/oops");
      assertThat(other.click("x!", Browsers.CHROME).status()).isEqualTo(302);
      Api.Reply reply = other.click(code, Browsers.CHROME, Map.of("X-Forwarded-For", "203.0.113.77, 198.51.100.9"));
      assertThat(reply.cookies()).hasSize(2).noneMatch(c -> c.contains("Secure"));
      custom.clickWriter().flush(5_000).await();
      assertThat(Db.one("SELECT ip_prefix FROM clicks c JOIN links l ON l.id = c.link_id WHERE l.code = ?", code))
          .isEqualTo("198.51.100.0");
    } finally {
      TestGateway.stop(custom);
    }
  }

  private static long clicksOf(String code) {
    return Db.count("SELECT count(*) FROM clicks c JOIN links l ON l.id = c.link_id WHERE l.code = ?", code);
  }

  private double lookups() {
    return Metrics.sum(api.management("/metrics").body(), "refgate_code_lookups_total");
  }

}
