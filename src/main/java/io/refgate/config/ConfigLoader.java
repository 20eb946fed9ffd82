package io.refgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the settings: the bundled refgate.yaml (which documents every key and its default), then an
 * optional --config file, then REFGATE_* environment variables.
 */
public final class ConfigLoader {
  private static final String DEFAULTS = "/refgate.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {
  }

  public static RefgateConfig load(Path file, Map<String, String> env) {
    Map<String, String> values = defaults();
    if (file != null) {
      overlay(values, read(file), "in " + file);
    }
    values.replaceAll((key, value) -> env.getOrDefault(envName(key), value));
    return RefgateConfig.from(new Settings(values));
  }

  /** The defaults with some keys replaced, for tests and tools that build a config in code. */
  public static RefgateConfig withOverrides(Map<String, String> overrides) {
    Map<String, String> values = defaults();
    overlay(values, overrides, "in the overrides");
    return RefgateConfig.from(new Settings(values));
  }

  /** Every key, in the order refgate.yaml documents them. */
  public static List<String> keys() {
    return List.copyOf(defaults().keySet());
  }

  /** REFGATE_* variables that name no setting (a typo would otherwise go unnoticed). */
  public static List<String> unknownVariables(Map<String, String> env) {
    Set<String> known = keys().stream().map(ConfigLoader::envName).collect(Collectors.toSet());
    return env.keySet().stream().filter(name -> name.startsWith("REFGATE_") && !name.startsWith("REFGATE_TEST_"))
        .filter(name -> !known.contains(name)).sorted().toList();
  }

  public static String envName(String key) {
    return "REFGATE_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  private static Map<String, String> defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the class path");
      }
      return flatten(YAML.readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS, e);
    }
  }

  private static Map<String, String> read(Path file) {
    try {
      return flatten(YAML.readTree(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static void overlay(Map<String, String> values, Map<String, String> overrides, String where) {
    overrides.forEach((key, value) -> {
      if (!values.containsKey(key)) {
        throw new ConfigException("unknown setting '" + key + "' " + where);
      }
      values.put(key, value);
    });
  }

  private static Map<String, String> flatten(JsonNode root) {
    Map<String, String> flat = new LinkedHashMap<>();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      flatten("", root, flat);
    }
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        flatten(prefix + field.getKey() + ".", field.getValue(), flat);
      }
    } else {
      flat.put(prefix.substring(0, prefix.length() - 1), node.isNull() ? "" : node.asText());
    }
  }
}
