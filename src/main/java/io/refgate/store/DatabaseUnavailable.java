package io.refgate.store;

/** PostgreSQL could not be reached or refused us at start-up; the message tells what to change. */
public final class DatabaseUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DatabaseUnavailable(PgTarget target, Exception cause) {
    super("cannot use PostgreSQL at " + target.address() + " (database " + target.database() + ", user "
        + target.options().getUser() + "): " + rootMessage(cause)
        + "; set pg.url in the config file or REFGATE_PG_URL", cause);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
