package io.refgate.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The click writer's batch size")
class ClickWriterTest {
  @ParameterizedTest(name = "{0} waiting → batches of {1}")
  @CsvSource({
      "0,       150",
      "40,      150",
      "2000,    150",
      "2600,    162",
      "5300,    331",
      "40000,   2500",
      "200000,  5000",
  })
  @DisplayName("a drain's batches hold a sixteenth of what waits, no fewer than the minimum and no more than the maximum")
  void sixteenthWithinBounds(int waiting, int batch) {
    assertThat(ClickWriter.batchSize(waiting, 150, 5000)).isEqualTo(batch);
  }
}
