package io.refgate.reports;

import io.refgate.http.ApiException;
import io.refgate.http.Auth;
import io.refgate.http.FieldError;
import io.refgate.http.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** GET /v1/reports/funnel?campaign_id=…&amp;from=…&amp;to=… (CONTRACT §6); from defaults to the beginning, to to now. */
public final class ReportRoutes {
  private final ReportService reports;

  private ReportRoutes(ReportService reports) {
    this.reports = reports;
  }

  public static void mount(Router router, ReportService reports) {
    router.get("/v1/reports/funnel").handler(new ReportRoutes(reports)::funnel);
  }

  private void funnel(RoutingContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    UUID campaignId = uuid(ctx.queryParams().get("campaign_id"), errors);
    Instant from = time(ctx.queryParams().get("from"), "from", Instant.EPOCH, errors);
    Instant to = time(ctx.queryParams().get("to"), "to", Instant.now(), errors);
    if (errors.isEmpty() && !from.isBefore(to)) {
      errors.add(new FieldError("to", "must be after from"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    reports.funnel(Auth.tenant(ctx), campaignId, from, to)
        .onSuccess(funnel -> Responses.ok(ctx, funnel.toJson()))
        .onFailure(ctx::fail);
  }

  private static UUID uuid(String text, List<FieldError> errors) {
    if (text == null) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("campaign_id", "must be a campaign id"));
      return null;
    }
  }

  private static Instant time(String text, String field, Instant fallback, List<FieldError> errors) {
    if (text == null) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be an RFC 3339 timestamp such as 2026-12-03T10:15:30Z"));
      return fallback;
    }
  }
}
