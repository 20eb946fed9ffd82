package io.refgate.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BotDetectorTest {
  private static BotDetector detector;
  private static JsonNode bundledList;

  @BeforeAll
  static void loadBundledList() throws IOException {
    detector = BotDetector.bundled();
    try (InputStream in = BotDetectorTest.class.getResourceAsStream("/bots/crawler-user-agents.json")) {
      bundledList = new ObjectMapper().readTree(in);
    }
  }

  @Test
  @DisplayName("every pattern of the bundled crawler list is in use")
  void loadsEveryPattern() {
    assertThat(detector.patternCount()).isEqualTo(bundledList.size()).isGreaterThan(1000);
  }

  @Test
  @DisplayName("every example User-Agent in the bundled crawler list is recognised as a bot")
  void recognisesEveryListedInstance() {
    List<String> instances = new ArrayList<>();
    bundledList.forEach(entry -> entry.path("instances").forEach(instance -> instances.add(instance.asText())));
    assertThat(instances).hasSizeGreaterThan(1000);
    assertThat(instances).filteredOn(ua -> !detector.isBot(ua)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
      "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
      "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 EdgA/131.0.0.0",
      "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
  })
  @DisplayName("people on current desktop and mobile browsers are not bots")
  void browsersAreNotBots(String userAgent) {
    assertThat(detector.isBot(userAgent)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
      "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
      "Twitterbot/1.0",
      "WhatsApp/2.23.20.0 A",
      "TelegramBot (like TwitterBot)",
      "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
      "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
      "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com",
  })
  @DisplayName("link-preview fetchers of chat apps and social networks are bots")
  void linkPreviewsAreBots(String userAgent) {
    assertThat(detector.isBot(userAgent)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @DisplayName("a request without a User-Agent is treated as a bot")
  void missingUserAgentIsABot(String userAgent) {
    assertThat(detector.isBot(userAgent)).isTrue();
  }

  @Test
  @DisplayName("asking twice about the same User-Agent gives the same answer")
  void verdictsAreStable() {
    String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    assertThat(detector.isBot(chrome)).isFalse();
    assertThat(detector.isBot(chrome)).isFalse();
    assertThat(detector.isBot("Twitterbot/1.0")).isTrue();
    assertThat(detector.isBot("Twitterbot/1.0")).isTrue();
  }

  @Test
  @DisplayName("browser prefetches and prerenders are recognised by Sec-Purpose or Purpose")
  void prefetchHeaders() {
    assertThat(BotDetector.isPrefetch("prefetch", null)).isTrue();
    assertThat(BotDetector.isPrefetch("prefetch;prerender", null)).isTrue();
    assertThat(BotDetector.isPrefetch(null, "prefetch")).isTrue();
    assertThat(BotDetector.isPrefetch(null, "Prefetch")).isTrue();
    assertThat(BotDetector.isPrefetch(null, null)).isFalse();
    assertThat(BotDetector.isPrefetch("", "")).isFalse();
    assertThat(BotDetector.isPrefetch("navigate", "preview")).isFalse();
  }

  @Test
  @DisplayName("patterns that are plain text, escapes included, are matched as text; real expressions are not")
  void literalPatterns() {
    assertThat(BotDetector.asLiteral("Googlebot\\/")).isEqualTo("Googlebot/");
    assertThat(BotDetector.asLiteral("facebookexternalhit")).isEqualTo("facebookexternalhit");
    assertThat(BotDetector.asLiteral("Yahoo! Slurp")).isEqualTo("Yahoo! Slurp");
    assertThat(BotDetector.asLiteral("bot\\.example\\-crawler")).isEqualTo("bot.example-crawler");
    assertThat(BotDetector.asLiteral("[wW]get")).isNull();
    assertThat(BotDetector.asLiteral("^curl")).isNull();
    assertThat(BotDetector.asLiteral("HeadlessChrome.*")).isNull();
    assertThat(BotDetector.asLiteral("bot\\d")).isNull();
    assertThat(BotDetector.asLiteral("trailing\\")).isNull();
  }

  @Test
  @DisplayName("a custom list matches both its plain-text and its regex patterns, case-sensitively")
  void customListMatchesBothKinds() throws IOException {
    BotDetector custom = BotDetector.fromJson(json("[{\"pattern\": \"AcmeCrawler\\\\/\"}, {\"pattern\": \"^curl\\\\/\\\\d\"}]"));
    assertThat(custom.patternCount()).isEqualTo(2);
    assertThat(custom.isBot("Mozilla/5.0 (compatible; AcmeCrawler/2.1)")).isTrue();
    assertThat(custom.isBot("curl/8.5.0")).isTrue();
    assertThat(custom.isBot("acmecrawler/2.1")).isFalse();
    assertThat(custom.isBot("libcurl/8.5.0")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"url\": \"https://example.com\"}]", "[{\"pattern\": \"\"}]", "{}"})
  @DisplayName("a crawler list without any pattern is refused rather than letting every bot through")
  void rejectsListWithoutPatterns(String content) {
    assertThatThrownBy(() -> BotDetector.fromJson(json(content))).isInstanceOf(IOException.class).hasMessageContaining("pattern");
  }

  private static InputStream json(String content) {
    return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
  }
}
