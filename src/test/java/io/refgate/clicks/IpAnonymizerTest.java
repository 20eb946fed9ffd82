package io.refgate.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAnonymizerTest {

  @Test
  @DisplayName("an IPv4 address is stored only as its /24 network")
  void ipv4KeepsTheFirstThreeOctets() {
    assertThat(IpAnonymizer.anonymize("203.0.113.57")).isEqualTo("203.0.113.0");
    assertThat(IpAnonymizer.anonymize("010.001.113.57")).as("leading zeros, as a proxy may write them").isEqualTo("10.1.113.0");
  }

  @Test
  @DisplayName("an IPv6 address is stored only as its /48 network")
  void ipv6KeepsTheFirst48Bits() {
    assertThat(IpAnonymizer.anonymize("2001:db8:85a3:1234:5678:8a2e:370:7334")).isEqualTo("2001:db8:85a3:0:0:0:0:0");
    assertThat(IpAnonymizer.anonymize("2001:DB8:85A3::1")).isEqualTo("2001:db8:85a3:0:0:0:0:0");
  }

  @Test
  @DisplayName("an IPv4-mapped IPv6 address is stored as the IPv4 /24 network")
  void ipv4MappedBecomesIpv4() {
    assertThat(IpAnonymizer.anonymize("::ffff:198.51.100.23")).isEqualTo("198.51.100.0");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"not an ip", "1.2.3", "1.2.3.4.5", "1.2.3.999", "1..2.3", "256.1.1.1", "1.2.3.-4", "::g",
      "2001:db8::1::2", "fe80::1%eth0", "[::1]", "203.0.113.57:443", "unknown"})
  @DisplayName("anything that is not an IP literal is stored as no address at all")
  void garbageBecomesNull(String text) {
    assertThat(IpAnonymizer.anonymize(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "localhost", "deadbeef.cafe", "face", "1.2.3.4.nip.io", "0x7f.1"})
  @DisplayName("host names are never resolved: they are not addresses")
  void hostNamesAreNotResolved(String hostName) {
    assertThat(IpAnonymizer.anonymize(hostName)).isNull();
  }

  @Property
  @Label("any IPv4 address keeps its first three octets and loses the last")
  void anyIpv4(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b, @ForAll @IntRange(max = 255) int c,
      @ForAll @IntRange(max = 255) int d) {
    assertThat(IpAnonymizer.anonymize(a + "." + b + "." + c + "." + d)).isEqualTo(a + "." + b + "." + c + ".0");
  }

  @Property
  @Label("any IPv6 address keeps its first three groups and loses the other five")
  void anyIpv6(@ForAll @IntRange(max = 0xFFFF) int g0, @ForAll @IntRange(max = 0xFFFF) int g1, @ForAll @IntRange(max = 0xFFFF) int g2,
      @ForAll @IntRange(max = 0xFFFF) int g3, @ForAll @IntRange(max = 0xFFFF) int g4, @ForAll @IntRange(max = 0xFFFF) int g5) {
    Assume.that(!(g0 == 0 && g1 == 0 && g2 == 0 && g3 == 0 && g4 == 0 && g5 == 0xFFFF));
    String address = String.join(":", hex(g0), hex(g1), hex(g2), hex(g3), hex(g4), hex(g5), "abcd", "ef01");
    assertThat(IpAnonymizer.anonymize(address)).isEqualTo(hex(g0) + ":" + hex(g1) + ":" + hex(g2) + ":0:0:0:0:0");
  }

  private static String hex(int group) {
    return Integer.toHexString(group);
  }
}
