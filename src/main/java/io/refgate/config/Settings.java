package io.refgate.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;

/** Typed, validated reads of the flat key → text settings; every failure names its key. */
final class Settings {
  private final Map<String, String> values;

  Settings(Map<String, String> values) {
    this.values = values;
  }

  String string(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalStateException("no default for " + key);
    }
    return value.trim();
  }

  int integer(String key, int min, int max) {
    String value = string(key);
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected range
    }
    throw ConfigException.invalid(key, "must be a whole number from " + min + " to " + max, value);
  }

  boolean bool(String key) {
    String value = string(key);
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw ConfigException.invalid(key, "must be true or false", value);
  }

  URI url(String key, Set<String> schemes) {
    String value = string(key);
    try {
      URI uri = new URI(value);
      if (uri.getScheme() != null && schemes.contains(uri.getScheme()) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below with the expected form
    }
    throw ConfigException.invalid(key, "must be a URL starting with " + String.join(":// or ", schemes) + "://", value);
  }

  URI optionalUrl(String key, Set<String> schemes) {
    return string(key).isEmpty() ? null : url(key, schemes);
  }
}
