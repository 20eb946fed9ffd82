package io.refgate.store;

import io.vertx.pgclient.PgException;

/** The SQLSTATEs the code decides on: uniqueness is the database's call, never a read-then-write. */
public final class SqlStates {
  public static final String UNIQUE_VIOLATION = "23505";
  /** Raised by refgate_undo() (migration V7): the statement undid itself. */
  public static final String UNDONE = "RG001";

  private SqlStates() {
  }

  public static boolean isUndone(Throwable failure) {
    return failure instanceof PgException pg && UNDONE.equals(pg.getSqlState());
  }

  /** Whether {@code failure} is a unique violation of the named constraint. */
  public static boolean isUniqueViolation(Throwable failure, String constraint) {
    return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
        && (constraint == null || constraint.equals(pg.getConstraint()));
  }
}
