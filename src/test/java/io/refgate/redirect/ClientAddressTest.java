package io.refgate.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private static final String SOCKET = "10.0.0.7";

  @Test
  @DisplayName("without trusted proxies the socket address is the visitor's, whatever X-Forwarded-For says")
  void trustsNobodyByDefault() {
    assertThat(ClientAddress.of(SOCKET, "203.0.113.9", 0)).isEqualTo(SOCKET);
  }

  @Test
  @DisplayName("behind one proxy the address it appended is the visitor's, not what the client wrote before it")
  void oneProxyTakesTheRightmostEntry() {
    assertThat(ClientAddress.of(SOCKET, "203.0.113.9", 1)).isEqualTo("203.0.113.9");
    assertThat(ClientAddress.of(SOCKET, "6.6.6.6, 203.0.113.9", 1)).isEqualTo("203.0.113.9");
  }

  @Test
  @DisplayName("behind two proxies the second entry from the right is the visitor's")
  void twoProxiesTakeTheSecondFromTheRight() {
    assertThat(ClientAddress.of(SOCKET, "6.6.6.6, 203.0.113.9,10.0.0.2", 2)).isEqualTo("203.0.113.9");
  }

  @Test
  @DisplayName("with fewer entries than trusted proxies the leftmost entry is used")
  void fewerEntriesThanHops() {
    assertThat(ClientAddress.of(SOCKET, "203.0.113.9", 3)).isEqualTo("203.0.113.9");
  }

  @Test
  @DisplayName("a missing or blank X-Forwarded-For falls back to the socket address")
  void missingHeaderFallsBackToSocket() {
    assertThat(ClientAddress.of(SOCKET, null, 1)).isEqualTo(SOCKET);
    assertThat(ClientAddress.of(SOCKET, "  ", 1)).isEqualTo(SOCKET);
    assertThat(ClientAddress.of(SOCKET, "203.0.113.9, ", 1)).isEqualTo(SOCKET);
  }

  @Test
  @DisplayName("IPv6 entries are returned without surrounding spaces")
  void ipv6Entries() {
    assertThat(ClientAddress.of(SOCKET, "2001:db8::1 ,  2001:db8::2", 2)).isEqualTo("2001:db8::1");
  }
}
