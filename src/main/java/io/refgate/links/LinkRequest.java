package io.refgate.links;

import io.refgate.http.Input;
import io.refgate.redirect.CodeSyntax;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** POST /v1/links and PATCH /v1/links/{code} bodies. */
public final class LinkRequest {
  private LinkRequest() {
  }

  /** A further link; {@code code} and {@code destinationUrl} are null when not given. */
  public record NewLink(String userId, UUID campaignId, String code, String destinationUrl) {
  }

  /** {@code destinationUrl} null with {@code setsDestination} means: follow the campaign's again. */
  public record Change(Boolean active, boolean setsDestination, String destinationUrl) {
  }

  public static NewLink parseNew(JsonObject body) {
    Input in = Input.of(body);
    String userId = in.requiredString("user_id", 1, 255);
    UUID campaignId = uuid(in, "campaign_id");
    String code = in.string("code", 1, 100);
    if (code != null && !CodeSyntax.isValid(code)) {
      in.error("code", "must be " + CodeSyntax.MIN_LENGTH + " to " + CodeSyntax.MAX_LENGTH + " characters of A-Z, a-z, 0-9, '_' or '-'");
    }
    String destination = in.string("destination_url", 1, 2048);
    in.check();
    return new NewLink(userId, campaignId, code, destination);
  }

  public static Change parseChange(JsonObject body) {
    Input in = Input.of(body);
    Boolean active = in.has("active") ? in.required("active", in.bool("active")) : null;
    String destination = in.string("destination_url", 1, 2048);
    in.check();
    return new Change(active, in.has("destination_url"), destination);
  }

  private static UUID uuid(Input in, String field) {
    String text = in.string(field, 36, 36);
    if (text == null) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return in.fail(field, "must be a UUID");
    }
  }
}
