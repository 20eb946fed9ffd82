package io.refgate.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Forged headers with timestamps no calendar can hold are refused like any bad signature (400, not 500). */
class StripeSignatureTimestampTest {

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "-9223372036854775808", "31556889864403200"})
  @DisplayName("a header whose timestamp is out of any calendar's range is refused, not a crash")
  void outOfRangeTimestamp(String timestamp) {
    String header = "t=" + timestamp + ",v1=" + "00".repeat(32);
    assertThat(StripeSignature.problem(header, "{}".getBytes(StandardCharsets.UTF_8), "whsec_x", Instant.ofEpochSecond(1_796_292_930L)))
        .isNotNull();
  }
}
