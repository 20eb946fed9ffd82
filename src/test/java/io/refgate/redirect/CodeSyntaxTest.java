package io.refgate.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeSyntaxTest {

  @ParameterizedTest
  @ValueSource(strings = {"abcd", "ABCD", "a1_-", "Summer-Sale_2026", "01234567890123456789012345678901"})
  @DisplayName("codes of 4 to 32 letters, digits, '_' and '-' are accepted")
  void acceptsWellFormedCodes(String code) {
    assertThat(CodeSyntax.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"abc", "012345678901234567890123456789012", "ab cd", "abc.d", "abc/d", "ab%20", "abcé", "abc\n", "ab+cd"})
  @DisplayName("codes that are too short, too long or contain other characters are rejected")
  void rejectsMalformedCodes(String code) {
    assertThat(CodeSyntax.isValid(code)).isFalse();
  }

  @Test
  @DisplayName("a code inside a request path is checked from the given offset to the end")
  void checksTheSuffixOfAPath() {
    assertThat(CodeSyntax.isValid("/r/abcd", 3)).isTrue();
    assertThat(CodeSyntax.isValid("/r/abc", 3)).isFalse();
    assertThat(CodeSyntax.isValid("/r/abcd/extra", 3)).isFalse();
    assertThat(CodeSyntax.isValid("/r/", 3)).isFalse();
  }

  @Property
  @Label("any string of 4 to 32 code characters is a valid code, at any offset")
  void everyCodeAlphabetStringIsValid(@ForAll("codes") String code, @ForAll("prefixes") String prefix) {
    assertThat(CodeSyntax.isValid(code)).isTrue();
    assertThat(CodeSyntax.isValid(prefix + code, prefix.length())).isTrue();
  }

  @Property
  @Label("a single foreign character makes an otherwise valid code invalid")
  void oneForeignCharacterSpoilsTheCode(@ForAll("codes") String code, @ForAll("foreign") char foreign) {
    String spoiled = code.substring(0, 2) + foreign + code.substring(2);
    assertThat(CodeSyntax.isValid(spoiled.substring(0, Math.min(spoiled.length(), CodeSyntax.MAX_LENGTH)))).isFalse();
  }

  @Provide
  Arbitrary<String> codes() {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').withChars('_', '-')
        .ofMinLength(CodeSyntax.MIN_LENGTH).ofMaxLength(CodeSyntax.MAX_LENGTH);
  }

  @Provide
  Arbitrary<String> prefixes() {
    return Arbitraries.strings().ofMaxLength(10);
  }

  @Provide
  Arbitrary<Character> foreign() {
    return Arbitraries.chars().filter(c -> !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '-'));
  }
}
