package io.refgate.testing;

import io.refgate.app.Refgate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Real gateways for tests: one shared by the API tests, and others started with special settings. */
public final class TestGateway {
  private static Refgate shared;

  private TestGateway() {
  }

  public static synchronized Refgate shared() {
    if (shared == null) {
      shared = start(Map.of());
    }
    return shared;
  }

  public static Refgate start(Map<String, String> overrides) {
    try {
      return Refgate.start(TestEnvironment.config(overrides)).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("test gateway did not start", e);
    }
  }

  public static void stop(Refgate app) {
    try {
      app.stop().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("test gateway did not stop", e);
    }
  }

  static synchronized void stopShared() {
    if (shared != null) {
      try {
        shared.stop().await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("shared test gateway did not stop cleanly: " + e);
      }
      shared = null;
    }
  }
}
