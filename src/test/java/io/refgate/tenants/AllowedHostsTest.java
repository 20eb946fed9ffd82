package io.refgate.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedHostsTest {
  private static final List<String> ACME = List.of("acme.example", "*.shop.example");
  private static final String NOT_HTTP = "must be an absolute http or https URL";

  @Test
  @DisplayName("an exact entry allows that host only, not its subdomains")
  void exactEntry() {
    assertThat(AllowedHosts.permits(ACME, "acme.example")).isTrue();
    assertThat(AllowedHosts.permits(ACME, "www.acme.example")).isFalse();
    assertThat(AllowedHosts.permits(ACME, "evilacme.example")).isFalse();
  }

  @Test
  @DisplayName("a wildcard entry allows every subdomain, at any depth, but not the domain itself")
  void wildcardEntry() {
    assertThat(AllowedHosts.permits(ACME, "eu.shop.example")).isTrue();
    assertThat(AllowedHosts.permits(ACME, "a.b.shop.example")).isTrue();
    assertThat(AllowedHosts.permits(ACME, "shop.example")).isFalse();
    assertThat(AllowedHosts.permits(ACME, "evilshop.example")).isFalse();
    assertThat(AllowedHosts.permits(ACME, "shop.example.evil.com")).isFalse();
  }

  @Test
  @DisplayName("a wildcard over a whole top-level domain is not an allowed-hosts entry")
  void wildcardNeedsADomain() {
    assertThat(AllowedHosts.isPattern("*.acme.example")).isTrue();
    assertThat(AllowedHosts.isPattern("*.com")).isFalse();
    assertThat(AllowedHosts.isPattern("*")).isFalse();
  }

  @Test
  @DisplayName("host names are compared without regard to case")
  void caseInsensitive() {
    assertThat(AllowedHosts.permits(ACME, "ACME.Example")).isTrue();
    assertThat(AllowedHosts.permits(ACME, "EU.SHOP.EXAMPLE")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://acme.example/signup", "http://acme.example", "https://acme.example:8443/a?b=c#d",
      "HTTPS://ACME.EXAMPLE/signup", "https://eu.shop.example/cart"})
  @DisplayName("an http or https URL on an allowed host can be a destination")
  void acceptsAllowedDestinations(String url) {
    assertThat(AllowedHosts.problemWith(url, ACME)).isNull();
  }

  @Test
  @DisplayName("a URL on any other host is refused, naming the host, so the gateway is no open redirect")
  void refusesOtherHosts() {
    assertThat(AllowedHosts.problemWith("https://evil.com/phish", ACME)).isEqualTo("host evil.com is not in the tenant's allowed_hosts");
    assertThat(AllowedHosts.problemWith("https://shop.example/", ACME)).contains("shop.example", "allowed_hosts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://acme.example/file", "javascript:alert(1)", "mailto:ana@acme.example", "data:text/html,hi",
      "/signup", "signup", "//acme.example/signup", "https:acme.example", "https://acme.example/a b", "https://"})
  @DisplayName("non-http schemes, relative and malformed URLs are refused")
  void refusesNonHttpAndRelative(String url) {
    assertThat(AllowedHosts.problemWith(url, ACME)).isEqualTo(NOT_HTTP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://acme.example@evil.com/", "https://user:pw@acme.example/", "https://evil.com\\@acme.example/"})
  @DisplayName("URLs with credentials, which browsers read differently than people do, are refused")
  void refusesUserInfo(String url) {
    assertThat(AllowedHosts.problemWith(url, ACME)).isEqualTo(NOT_HTTP);
  }

  @Test
  @DisplayName("a destination longer than 2048 characters is refused")
  void refusesTooLong() {
    String base = "https://acme.example/";
    assertThat(AllowedHosts.problemWith(base + "a".repeat(2048 - base.length()), ACME)).isNull();
    assertThat(AllowedHosts.problemWith(base + "a".repeat(2049 - base.length()), ACME)).isEqualTo("must be at most 2048 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme.example", "*.acme.example", "localhost", "xn--bcher-kva.example", "a-b.c1.example"})
  @DisplayName("lower-case host names and *.host names are valid allowed_hosts entries")
  void validPatterns(String entry) {
    assertThat(AllowedHosts.isPattern(entry)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "*", "*.", "ACME.example", "acme..example", ".acme.example", "acme.example.", "-acme.example",
      "acme-.example", "https://acme.example", "acme.example/", "acme.example:443", "a*.acme.example", "*.*.acme.example"})
  @DisplayName("anything else is not a valid allowed_hosts entry")
  void invalidPatterns(String entry) {
    assertThat(AllowedHosts.isPattern(entry)).isFalse();
  }
}
