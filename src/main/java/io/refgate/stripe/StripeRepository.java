package io.refgate.stripe;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** Stripe customers mapped to users, and Stripe's other ids for stored payments. */
final class StripeRepository {

  Future<Void> linkCustomer(SqlClient tx, UUID tenantId, StripeEvent.CustomerLinked c) {
    return tx.preparedQuery(StripeSql.LINK_CUSTOMER).execute(Tuple.of(tenantId, c.customerId(), c.userId(), c.organizationId(), c.code()))
        .mapEmpty();
  }

  /** The user (and organisation) of a Stripe customer, or null when it was never linked. */
  Future<Row> customer(SqlClient tx, UUID tenantId, String customerId) {
    if (customerId == null) {
      return Future.succeededFuture(null);
    }
    return tx.preparedQuery(StripeSql.CUSTOMER).execute(Tuple.of(tenantId, customerId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
  }

  Future<Void> addAlias(SqlClient tx, UUID tenantId, String alias, String paymentId) {
    if (alias == null || alias.equals(paymentId)) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(StripeSql.ADD_ALIAS).execute(Tuple.of(tenantId, alias, paymentId)).mapEmpty();
  }

  Future<String> paymentOfAlias(SqlClient tx, UUID tenantId, String alias) {
    if (alias == null) {
      return Future.succeededFuture(null);
    }
    return tx.preparedQuery(StripeSql.PAYMENT_OF_ALIAS).execute(Tuple.of(tenantId, alias))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }
}
