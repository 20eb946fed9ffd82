package io.refgate.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CookiePolicyTest {

  @Test
  @DisplayName("rg_click lasts the attribution window, is Secure and HttpOnly, and is host-only without a domain")
  void clickCookieDefaults() {
    assertThat(new CookiePolicy(90, null, true).clickCookie("0Kx9a_Zq~mP3rT7uVwXy0G"))
        .isEqualTo("rg_click=0Kx9a_Zq~mP3rT7uVwXy0G; Path=/; Max-Age=7776000; SameSite=Lax; Secure; HttpOnly");
  }

  @Test
  @DisplayName("rg_ref has the same attributes but stays readable by the landing page's script")
  void refCookieIsNotHttpOnly() {
    assertThat(new CookiePolicy(90, null, true).refCookie("spring26"))
        .isEqualTo("rg_ref=spring26; Path=/; Max-Age=7776000; SameSite=Lax; Secure");
  }

  @Test
  @DisplayName("a tenant's cookie domain is set on both cookies")
  void domainOnBothCookies() {
    CookiePolicy policy = new CookiePolicy(30, "acme.example", true);
    assertThat(policy.clickCookie("id1"))
        .isEqualTo("rg_click=id1; Path=/; Max-Age=2592000; Domain=acme.example; SameSite=Lax; Secure; HttpOnly");
    assertThat(policy.refCookie("spring26"))
        .isEqualTo("rg_ref=spring26; Path=/; Max-Age=2592000; Domain=acme.example; SameSite=Lax; Secure");
  }

  @Test
  @DisplayName("with cookie.secure false the cookies work over plain http")
  void insecureForLocalTesting() {
    CookiePolicy policy = new CookiePolicy(1, "", false);
    assertThat(policy.clickCookie("id1")).isEqualTo("rg_click=id1; Path=/; Max-Age=86400; SameSite=Lax; HttpOnly");
    assertThat(policy.refCookie("spring26")).isEqualTo("rg_ref=spring26; Path=/; Max-Age=86400; SameSite=Lax");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "rg_click=abc                          | abc",
      "rg_click=abc; rg_ref=spring26         | abc",
      "theme=dark; rg_click=abc              | abc",
      "theme=dark;rg_click=abc;rg_ref=x      | abc",
      "theme=dark;   rg_click=abc  ; a=b     | abc",
      "xrg_click=evil; rg_click=abc          | abc",
      "rg_clicker=evil; rg_click=abc         | abc",
      "a=rg_click=evil; rg_click=abc         | abc",
  })
  @DisplayName("rg_click is found among other cookies, whatever the spacing")
  void findsTheCookie(String header, String expected) {
    assertThat(CookiePolicy.find(header, "rg_click")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "theme=dark",
      "xrg_click=evil",
      "rg_clicker=evil",
      "rg_click",
      "rg_ref=spring26",
  })
  @DisplayName("a header without rg_click yields nothing, even when a similar name is present")
  void missingCookie(String header) {
    assertThat(CookiePolicy.find(header, "rg_click")).isNull();
  }

  @Test
  @DisplayName("a request without a Cookie header has no referral cookie")
  void noHeader() {
    assertThat(CookiePolicy.find(null, "rg_click")).isNull();
    assertThat(CookiePolicy.find("", "rg_click")).isNull();
  }

  @Test
  @DisplayName("an empty rg_click value is reported as empty, not as another cookie's value")
  void emptyValue() {
    assertThat(CookiePolicy.find("rg_click=; rg_ref=spring26", "rg_click")).isEmpty();
  }
}
