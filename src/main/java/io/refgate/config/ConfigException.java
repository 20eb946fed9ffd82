package io.refgate.config;

/** A setting that cannot be used; its message is one line naming the key and its variable. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  static ConfigException invalid(String key, String expectation, String value) {
    return new ConfigException(key + " (" + ConfigLoader.envName(key) + ") " + expectation + ", got '" + value + "'");
  }
}
