package io.refgate.app;

import io.refgate.config.ConfigLoader;

/** A port could not be bound at start-up; the message names the port and the setting to change. */
public final class CannotListen extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CannotListen(String what, String host, int port, String setting, Throwable cause) {
    super("cannot listen for " + what + " on " + host + ":" + port + " (" + cause.getMessage() + "); set " + setting
        + " in the config file or " + ConfigLoader.envName(setting), cause);
  }
}
