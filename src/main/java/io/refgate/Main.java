package io.refgate;

import io.refgate.app.CannotListen;
import io.refgate.app.Demo;
import io.refgate.app.Refgate;
import io.refgate.config.ConfigException;
import io.refgate.config.ConfigLoader;
import io.refgate.config.RefgateConfig;
import io.refgate.store.DatabaseUnavailable;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the settings, starts the gateway, seeds demo data on request, and stops it on SIGTERM. */
public final class Main {
  private static final String USAGE = "usage: java -jar refgate.jar [--config FILE] [--demo]";

  private Main() {
  }

  public static void main(String[] args) {
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    Path configFile = null;
    boolean demo = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--demo" -> demo = true;
        case "--config" -> {
          if (i + 1 == args.length) {
            exit(2, USAGE);
          }
          configFile = Path.of(args[++i]);
        }
        case "--help", "-h" -> exit(0, USAGE);
        default -> exit(2, "unknown argument " + args[i] + "; " + USAGE);
      }
    }
    RefgateConfig config = null;
    try {
      config = ConfigLoader.load(configFile, System.getenv());
    } catch (ConfigException e) {
      exit(2, "invalid configuration: " + e.getMessage());
    }
    run(config, demo);
  }

  private static void run(RefgateConfig config, boolean demo) {
    Logger log = LoggerFactory.getLogger(Main.class);
    ConfigLoader.unknownVariables(System.getenv()).forEach(name -> log.warn("{} names no setting and is ignored", name));
    long started = System.nanoTime();
    AtomicReference<Refgate> running = new AtomicReference<>();
    // registered before start-up, so that a SIGTERM arriving while it runs finds a hook, not an error
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running.get(), config, log), "refgate-shutdown"));
    Refgate app = null;
    try {
      app = Refgate.start(config).await();
    } catch (Exception e) {
      String known = knownStartupProblem(e);
      if (known == null) {
        log.error("start-up failed", e);
        exit(1, "start-up failed: " + e);
      }
      exit(1, known);
    }
    running.set(app);
    log.info("Refgate listening on {}:{} (management on port {}), started in {} ms", config.http().host(), app.httpPort(),
        app.managementPort(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    if (demo) {
      System.out.println(Demo.banner(Demo.seed(app).await(), app));
    }
  }

  private static void stop(Refgate app, RefgateConfig config, Logger log) {
    if (app == null) {
      return;
    }
    log.info("shutting down: storing buffered clicks");
    long limitMs = config.clicks().drainTimeoutMs() + 5_000L;
    try {
      app.stop().await(limitMs, TimeUnit.MILLISECONDS);
      log.info("stopped");
    } catch (TimeoutException e) {
      log.error("shutdown did not finish within {} ms", limitMs);
    } catch (Exception e) {
      log.error("shutdown did not finish cleanly: {}", e.getMessage());
    }
  }

  /** The one-line message of a failure whose cause the operator can fix, or null. */
  private static String knownStartupProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DatabaseUnavailable || t instanceof CannotListen) {
        return t.getMessage();
      }
    }
    return null;
  }

  private static void exit(int status, String message) {
    (status == 0 ? System.out : System.err).println(status == 0 ? message : "refgate: " + message);
    System.exit(status);
  }
}
