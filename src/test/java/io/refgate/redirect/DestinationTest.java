package io.refgate.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DestinationTest {
  private static final String CLICK = "0Kx9a_Zq~mP3rT7uVwXy0G";
  private static final String URI_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?%";

  private static String location(String destination, String visitorQuery) {
    return Destination.of(destination, "ref", "click_id").location("spring26", CLICK, visitorQuery);
  }

  @Test
  @DisplayName("the code and the click id are added as the query of a destination without one")
  void startsAQuery() {
    assertThat(location("https://acme.example/signup", null))
        .isEqualTo("https://acme.example/signup?ref=spring26&click_id=" + CLICK);
  }

  @Test
  @DisplayName("the code and the click id are appended to a destination's own query")
  void extendsAnExistingQuery() {
    assertThat(location("https://acme.example/signup?plan=pro", null))
        .isEqualTo("https://acme.example/signup?plan=pro&ref=spring26&click_id=" + CLICK);
  }

  @Test
  @DisplayName("a destination ending in '?' or '&' gets no doubled separator")
  void noDoubledSeparator() {
    assertThat(location("https://acme.example/signup?", null)).isEqualTo("https://acme.example/signup?ref=spring26&click_id=" + CLICK);
    assertThat(location("https://acme.example/signup?plan=pro&", null))
        .isEqualTo("https://acme.example/signup?plan=pro&ref=spring26&click_id=" + CLICK);
  }

  @Test
  @DisplayName("the destination's fragment stays at the very end, after the visitor's parameters")
  void fragmentStaysLast() {
    assertThat(location("https://acme.example/signup?plan=pro#pricing", "utm_source=news"))
        .isEqualTo("https://acme.example/signup?plan=pro&ref=spring26&click_id=" + CLICK + "&utm_source=news#pricing");
  }

  @Test
  @DisplayName("the tenant's own parameter names are used")
  void customParameterNames() {
    assertThat(Destination.of("https://acme.example/", "via", "cid").location("spring26", CLICK, null))
        .isEqualTo("https://acme.example/?via=spring26&cid=" + CLICK);
  }

  @Test
  @DisplayName("a HEAD answer carries the code but no click id, because no click was recorded")
  void headHasNoClickId() {
    assertThat(Destination.of("https://acme.example/signup", "ref", "click_id").location("spring26", null, "utm_source=news"))
        .isEqualTo("https://acme.example/signup?ref=spring26&utm_source=news");
  }

  @Test
  @DisplayName("the visitor's utm parameters are passed through to the destination")
  void passesVisitorParametersThrough() {
    assertThat(location("https://acme.example/signup", "utm_source=news&utm_medium=email&debug"))
        .endsWith("&click_id=" + CLICK + "&utm_source=news&utm_medium=email&debug");
  }

  @Test
  @DisplayName("a parameter the destination already sets wins over the visitor's")
  void destinationWins() {
    assertThat(location("https://acme.example/signup?utm_source=partner", "utm_source=news&utm_medium=email"))
        .isEqualTo("https://acme.example/signup?utm_source=partner&ref=spring26&click_id=" + CLICK + "&utm_medium=email");
  }

  @Test
  @DisplayName("a visitor cannot replace the code or the click id, not even with an encoded name")
  void visitorCannotOverrideRefOrClick() {
    assertThat(location("https://acme.example/signup", "ref=evil&click_id=forged&r%65f=evil&click%5Fid=forged&utm_term=x"))
        .isEqualTo("https://acme.example/signup?ref=spring26&click_id=" + CLICK + "&utm_term=x");
  }

  @Test
  @DisplayName("a destination parameter given percent-encoded still wins over the visitor's plain one")
  void encodedDestinationNameStillWins() {
    assertThat(location("https://acme.example/?utm%5Fsource=partner", "utm_source=news"))
        .isEqualTo("https://acme.example/?utm%5Fsource=partner&ref=spring26&click_id=" + CLICK);
  }

  @Test
  @DisplayName("empty pieces of the visitor's query leave no stray '&' behind")
  void skipsEmptyPieces() {
    assertThat(location("https://acme.example/", "&&utm_source=news&=orphan&")).isEqualTo(
        "https://acme.example/?ref=spring26&click_id=" + CLICK + "&utm_source=news");
  }

  @Test
  @DisplayName("already percent-encoded visitor values are not encoded twice")
  void keepsExistingPercentEncoding() {
    assertThat(location("https://acme.example/", "utm_term=caf%C3%A9+cr%C3%A8me")).endsWith("&utm_term=caf%C3%A9+cr%C3%A8me");
  }

  @Test
  @DisplayName("spaces, quotes and line breaks from the visitor are percent-encoded, so no header can be injected")
  void encodesUnsafeVisitorCharacters() {
    String location = location("https://acme.example/", "q=a b\"c\r\nSet-Cookie: x=1&w=<é>#");
    assertThat(location).doesNotContain(" ", "\"", "\r", "\n", "<", ">", "#")
        .endsWith("&q=a%20b%22c%0D%0ASet-Cookie:%20x=1&w=%3C%C3%A9%3E%23");
  }

  @Property
  @Label("whatever the visitor sends, the Location holds only characters allowed in a URL")
  void locationIsAlwaysUrlSafe(@ForAll String visitorQuery) {
    String location = location("https://acme.example/signup?plan=pro", visitorQuery);
    assertThat(location).startsWith("https://acme.example/signup?plan=pro&ref=spring26&click_id=" + CLICK);
    assertThat(location.chars()).allMatch(c -> URI_CHARS.indexOf(c) >= 0);
  }
}
