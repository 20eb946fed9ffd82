package io.refgate.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RefererHostTest {

  @Test
  @DisplayName("only the host of the referring page is kept, never its path or query")
  void keepsOnlyTheHost() {
    assertThat(RefererHost.of("https://mail.example.org/inbox/42?user=ana@acme.example#msg")).isEqualTo("mail.example.org");
  }

  @Test
  @DisplayName("the host is lower-cased and stripped of credentials and port")
  void normalisesTheHost() {
    assertThat(RefererHost.of("https://User:Secret@News.Example.ORG:8443/story")).isEqualTo("news.example.org");
  }

  @Test
  @DisplayName("an app referer keeps its app id as host")
  void appReferer() {
    assertThat(RefererHost.of("android-app://com.google.android.gm/")).isEqualTo("com.google.android.gm");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"not a url", "/relative/path", "about:blank", "https://", "http://exa mple.com/"})
  @DisplayName("a missing or unusable referer is stored as no host")
  void unusableReferer(String referer) {
    assertThat(RefererHost.of(referer)).isNull();
  }
}
