package io.refgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadmeTest {

  @Test
  @DisplayName("the README's configuration table names every setting and its environment variable")
  void documentsEverySetting() throws IOException {
    String readme = Files.readString(Path.of("README.md"));

    for (String key : ConfigLoader.keys()) {
      assertThat(readme).contains("| `" + key + "` | `" + ConfigLoader.envName(key) + "` |");
    }
  }
}
