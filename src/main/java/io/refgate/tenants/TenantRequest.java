package io.refgate.tenants;

import io.refgate.http.Input;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tenant settings from a request body, applied over a base: the defaults for POST, the stored
 * tenant for PATCH. Null clears the optional settings (cookie_domain, stripe_webhook_secret).
 */
public final class TenantRequest {
  private static final Pattern PARAM = Pattern.compile("[A-Za-z0-9_.~-]{1,64}");

  private TenantRequest() {
  }

  public static Tenant create(JsonObject body) {
    Input in = Input.of(body);
    in.requirePresent("name", "allowed_hosts");
    return apply(in, Tenant.draft());
  }

  public static Tenant patch(JsonObject body, Tenant current) {
    return apply(Input.of(body), current);
  }

  private static Tenant apply(Input in, Tenant base) {
    String name = in.has("name") ? in.required("name", in.string("name", 1, 200)) : base.name();
    List<String> hosts = in.has("allowed_hosts") ? in.required("allowed_hosts", hosts(in)) : base.allowedHosts();
    String cookieDomain = in.has("cookie_domain") ? cookieDomain(in) : base.cookieDomain();
    int window = in.has("attribution_window_days")
        ? orElse(in.required("attribution_window_days", in.smallInteger("attribution_window_days", 1, 3650)), base.attributionWindowDays())
        : base.attributionWindowDays();
    String model = in.has("attribution_model")
        ? in.required("attribution_model", in.oneOf("attribution_model", List.of(Tenant.LAST_CLICK, Tenant.FIRST_CLICK)))
        : base.attributionModel();
    String refParam = in.has("ref_param") ? in.required("ref_param", param(in, "ref_param")) : base.refParam();
    String clickParam = in.has("click_param") ? in.required("click_param", param(in, "click_param")) : base.clickParam();
    String secret = in.has("stripe_webhook_secret") ? in.string("stripe_webhook_secret", 1, 255) : base.stripeWebhookSecret();
    if (refParam != null && refParam.equals(clickParam)) {
      in.error("click_param", "must differ from ref_param");
    }
    in.check();
    return new Tenant(base.id(), name, hosts, cookieDomain, window, model, refParam, clickParam, secret, base.createdAt());
  }

  private static List<String> hosts(Input in) {
    List<String> hosts = in.strings("allowed_hosts", 1, 100, 255);
    if (hosts == null) {
      return null;
    }
    List<String> normalised = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    for (String host : normalised) {
      if (!AllowedHosts.isPattern(host)) {
        return in.fail("allowed_hosts", "'" + host + "' is not a host name or *.host.name");
      }
    }
    return normalised;
  }

  private static String cookieDomain(Input in) {
    String domain = in.string("cookie_domain", 1, 253);
    if (domain == null) {
      return null;
    }
    String normalised = domain.toLowerCase(Locale.ROOT);
    normalised = normalised.startsWith(".") ? normalised.substring(1) : normalised;
    return AllowedHosts.isHostName(normalised) ? normalised : in.fail("cookie_domain", "must be a domain name");
  }

  private static String param(Input in, String field) {
    String value = in.string(field, 1, 64);
    return value == null || PARAM.matcher(value).matches() ? value
        : in.fail(field, "must be 1 to 64 characters of letters, digits, '_', '.', '~' or '-'");
  }

  private static int orElse(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
