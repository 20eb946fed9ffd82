package io.refgate.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The click writer's batch size")
class ClickWriterTest {
  @ParameterizedTest(name = "{0} waiting → batches of {1}")
  @CsvSource({
      "0,       250",
      "40,      250",
      "2000,    250",
      "2600,    325",
      "5300,    662",
      "40000,   5000",
      "200000,  5000",
  })
  @DisplayName("a drain's batches hold an eighth of what waits, no fewer than the minimum and no more than the maximum")
  void eighthWithinBounds(int waiting, int batch) {
    assertThat(ClickWriter.batchSize(waiting, 250, 5000)).isEqualTo(batch);
  }
}
