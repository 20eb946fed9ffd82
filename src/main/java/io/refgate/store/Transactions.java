package io.refgate.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.util.function.Function;

/**
 * Transactions whose BEGIN does not wait for its own answer: the work's first statement is sent
 * right behind it on the same connection, so a short transaction costs one round trip less than
 * {@link Pool#withTransaction}. A failed BEGIN fails the statements queued behind it as well.
 */
public final class Transactions {
  private Transactions() {
  }

  /** Runs {@code work} in a transaction: committed when its future succeeds, rolled back when it fails. */
  public static <T> Future<T> run(Pool pool, Function<SqlConnection, Future<T>> work) {
    return pool.getConnection().compose(conn -> {
      Future<Transaction> begun = conn.begin();
      Future<T> done = start(work, conn);
      return begun.compose(tx -> done.compose(
              result -> tx.commit().map(result),
              failure -> tx.rollback().transform(ignored -> Future.<T>failedFuture(failure))))
          .onComplete(ignored -> conn.close());
    });
  }

  private static <T> Future<T> start(Function<SqlConnection, Future<T>> work, SqlConnection conn) {
    try {
      return work.apply(conn);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
