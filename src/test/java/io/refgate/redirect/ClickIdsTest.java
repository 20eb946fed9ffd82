package io.refgate.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClickIdsTest {
  private static final long MAX_MILLIS = (1L << 48) - 1;
  private static final String URL_SAFE = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-._~";

  @Property
  @Label("a click id decodes back to the id it was encoded from")
  void encodeDecodeRoundTrip(@ForAll("millis") long millis) {
    UUID id = ClickIds.next(millis);
    assertThat(ClickIds.decode(ClickIds.encode(id))).isEqualTo(id);
  }

  @Property
  @Label("the time inside a click id is the time it was issued at")
  void epochMillisRoundTrip(@ForAll("millis") long millis) {
    assertThat(ClickIds.epochMillis(ClickIds.next(millis))).isEqualTo(millis);
  }

  @Property
  @Label("click ids sort as text in the order they were issued")
  void textOrderIsTimeOrder(@ForAll("millis") long a, @ForAll("millis") long b) {
    Assume.that(a != b);
    int textOrder = Integer.signum(ClickIds.encode(ClickIds.next(a)).compareTo(ClickIds.encode(ClickIds.next(b))));
    assertThat(textOrder).isEqualTo(Long.signum(a - b));
  }

  @Property
  @Label("click ids are 22 URL-safe characters, well within the 40 the contract allows")
  void idsAreShortAndUrlSafe(@ForAll("millis") long millis) {
    String text = ClickIds.encode(ClickIds.next(millis));
    assertThat(text).hasSize(ClickIds.LENGTH).hasSizeLessThanOrEqualTo(40);
    assertThat(text.chars()).allMatch(c -> URL_SAFE.indexOf(c) >= 0);
  }

  @Test
  @DisplayName("two clicks in the same millisecond get different ids")
  void idsInTheSameMillisecondDiffer() {
    long now = 1_780_000_000_000L;
    assertThat(ClickIds.encode(ClickIds.next(now))).isNotEqualTo(ClickIds.encode(ClickIds.next(now)));
  }

  @Property
  @Label("a text of the wrong length is not a click id")
  void rejectsWrongLength(@ForAll("millis") long millis, @ForAll @IntRange(min = 1, max = 21) int cut) {
    String text = ClickIds.encode(ClickIds.next(millis));
    assertThat(ClickIds.decode(text.substring(cut))).isNull();
    assertThat(ClickIds.decode(text + "0")).isNull();
  }

  @Property
  @Label("a text with a character outside the alphabet is not a click id")
  void rejectsForeignCharacters(@ForAll("millis") long millis, @ForAll @IntRange(min = 0, max = 21) int position,
      @ForAll("foreign") char foreign) {
    char[] text = ClickIds.encode(ClickIds.next(millis)).toCharArray();
    text[position] = foreign;
    assertThat(ClickIds.decode(new String(text))).isNull();
  }

  @Test
  @DisplayName("null, empty and other UUID versions are not click ids")
  void rejectsNonV7Ids() {
    assertThat(ClickIds.decode(null)).isNull();
    assertThat(ClickIds.decode("")).isNull();
    assertThat(ClickIds.decode(ClickIds.encode(UUID.randomUUID()))).isNull();
    UUID v7 = ClickIds.next(1_780_000_000_000L);
    UUID wrongVariant = new UUID(v7.getMostSignificantBits(), v7.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL);
    assertThat(ClickIds.decode(ClickIds.encode(wrongVariant))).isNull();
  }

  @Property
  @Label("each click id has exactly one spelling: padding bits in the last character must be zero")
  void rejectsNonCanonicalLastCharacter(@ForAll("millis") long millis) {
    String text = ClickIds.encode(ClickIds.next(millis));
    char last = text.charAt(ClickIds.LENGTH - 1);
    String padded = text.substring(0, ClickIds.LENGTH - 1) + (char) (last + 1);
    assertThat(ClickIds.decode(padded)).isNull();
  }

  @Provide
  Arbitrary<Long> millis() {
    return Arbitraries.longs().between(0, MAX_MILLIS);
  }

  @Provide
  Arbitrary<Character> foreign() {
    return Arbitraries.chars().filter(c -> !Character.isLetterOrDigit(c) || c > 'z').filter(c -> c != '_' && c != '~');
  }
}
