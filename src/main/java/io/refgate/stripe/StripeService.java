package io.refgate.stripe;

import io.refgate.attribution.SignupService;
import io.refgate.billing.BillingService;
import io.refgate.events.Answer;
import io.refgate.events.EventRequests;
import io.refgate.events.EventService;
import io.refgate.http.ApiException;
import io.refgate.tenants.Tenant;
import io.refgate.tenants.TenantService;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.UUID;

/**
 * POST /v1/webhooks/stripe/{tenant_id}: Stripe's events, verified with the tenant's signing secret
 * and kept once by Stripe's event id, acting as the billing events of CONTRACT §5.
 */
public final class StripeService {
  private final EventService events;
  private final TenantService tenants;
  private final BillingService billing;
  private final SignupService signups;
  private final StripeRepository repository = new StripeRepository();

  public StripeService(EventService events, TenantService tenants, BillingService billing, SignupService signups) {
    this.events = events;
    this.tenants = tenants;
    this.billing = billing;
    this.signups = signups;
  }

  public Future<Answer> receive(UUID tenantId, String signature, Buffer payload) {
    return tenants.current(tenantId).compose(tenant -> {
      if (tenant.stripeWebhookSecret() == null) {
        throw ApiException.notFound("the Stripe webhook is off for this tenant: set its stripe_webhook_secret");
      }
      String problem = StripeSignature.problem(signature, payload.getBytes(), tenant.stripeWebhookSecret(), Instant.now());
      if (problem != null) {
        throw ApiException.badRequest("invalid_signature", problem);
      }
      JsonObject json = json(payload);
      StripeEvent event = StripeEvent.of(json);
      return events.once(tenantId, "stripe", event.id(), json, tx -> effect(tx, tenant, event));
    });
  }

  private Future<Answer> effect(SqlClient tx, Tenant tenant, StripeEvent event) {
    if (event instanceof StripeEvent.CustomerLinked customer) {
      return linked(tx, tenant, customer);
    }
    if (event instanceof StripeEvent.Paid paid) {
      return paid(tx, tenant.id(), paid);
    }
    if (event instanceof StripeEvent.Refunded refunded) {
      return refunded(tx, tenant.id(), refunded);
    }
    if (event instanceof StripeEvent.InvoicePaid invoicePaid) {
      return repository.addAlias(tx, tenant.id(), invoicePaid.intentId(), invoicePaid.invoiceId())
          .compose(v -> repository.addAlias(tx, tenant.id(), invoicePaid.chargeId(), invoicePaid.invoiceId()))
          .map(v -> Answer.created(new JsonObject().put("invoice", invoicePaid.invoiceId())));
    }
    StripeEvent.Ignored ignored = (StripeEvent.Ignored) event;
    return Future.succeededFuture(ignored(ignored.why()));
  }

  /** A customer with metadata.refgate_code signed up through that code, unless its user is known already. */
  private Future<Answer> linked(SqlClient tx, Tenant tenant, StripeEvent.CustomerLinked customer) {
    Future<Void> stored = repository.linkCustomer(tx, tenant.id(), customer);
    if (customer.code() == null) {
      return stored.map(v -> Answer.created(new JsonObject().put("customer", customer.customerId()).put("user_id", customer.userId())));
    }
    return stored.compose(v -> signups.attributeByCode(tx, tenant, customer.userId(), customer.organizationId(), customer.code(),
            customer.at()))
        .map(signup -> Answer.created(new JsonObject().put("customer", customer.customerId()).put("user_id", customer.userId())
            .put("signup", signup.body())));
  }

  private Future<Answer> paid(SqlClient tx, UUID tenantId, StripeEvent.Paid paid) {
    return repository.customer(tx, tenantId, paid.customerId()).compose(customer -> billing.effect(tx, tenantId,
            new EventRequests.Billing(paid.id(), "invoice.paid", userOf(customer), organizationOf(customer), paid.paymentId(),
                paid.amountMinor(), paid.currency(), paid.at())))
        .compose(answer -> repository.addAlias(tx, tenantId, paid.chargeAlias(), paid.paymentId())
            .compose(v -> repository.addAlias(tx, tenantId, paid.intentAlias(), paid.paymentId()))
            .map(answer));
  }

  /** Stripe reports the charge's total refunded; the payment shrinks by what is new since the last refund. */
  private Future<Answer> refunded(SqlClient tx, UUID tenantId, StripeEvent.Refunded refund) {
    return paymentOf(tx, tenantId, refund).compose(paymentId -> {
      if (paymentId == null) {
        return Future.succeededFuture(ignored("the refunded charge pays no payment Refgate was told of"));
      }
      return billing.refundedSoFar(tx, tenantId, paymentId).compose(soFar -> {
        long fresh = refund.refundedTotalMinor() - soFar;
        if (fresh <= 0) {
          return Future.succeededFuture(ignored("nothing was refunded since the last refund event"));
        }
        return billing.effect(tx, tenantId, new EventRequests.Billing(refund.id(), "charge.refunded", null, null, paymentId, fresh,
            refund.currency(), refund.at()));
      });
    });
  }

  /** The stored payment a refunded charge belongs to: its invoice, or the charge or intent as an alias or payment id. */
  private Future<String> paymentOf(SqlClient tx, UUID tenantId, StripeEvent.Refunded refund) {
    return known(tx, tenantId, refund.invoiceId())
        .compose(found -> found != null ? Future.succeededFuture(found) : repository.paymentOfAlias(tx, tenantId, refund.chargeId()))
        .compose(found -> found != null ? Future.succeededFuture(found) : repository.paymentOfAlias(tx, tenantId, refund.intentId()))
        .compose(found -> found != null ? Future.succeededFuture(found) : known(tx, tenantId, refund.chargeId()));
  }

  private Future<String> known(SqlClient tx, UUID tenantId, String paymentId) {
    return paymentId == null ? Future.succeededFuture(null)
        : billing.refundedSoFar(tx, tenantId, paymentId).map(soFar -> soFar == null ? null : paymentId);
  }

  private static Answer ignored(String why) {
    return Answer.existing(new JsonObject().put("ignored", true).put("reason", why));
  }

  private static String userOf(Row customer) {
    return customer == null ? null : customer.getString("user_id");
  }

  private static String organizationOf(Row customer) {
    return customer == null ? null : customer.getString("organization_id");
  }

  private static JsonObject json(Buffer payload) {
    JsonObject json;
    try {
      json = new JsonObject(payload);
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.malformedJson("the payload is not a Stripe event");
    }
    if (json.getValue("id") instanceof String id && !id.isBlank() && json.getValue("type") instanceof String) {
      return json;
    }
    throw ApiException.invalidField("id", "a Stripe event needs an id and a type");
  }
}
