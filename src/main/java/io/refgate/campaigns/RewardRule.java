package io.refgate.campaigns;

import io.refgate.http.Input;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a campaign pays and when (CONTRACT §2). Stored as the same JSON the API speaks.
 * {@code percent} is set only for PERCENT, {@code amountMinor} and {@code currency} only for FLAT
 * and CREDIT; {@code milestone} only for the MILESTONE trigger; {@code maxPayments} only for
 * EVERY_PAYMENT; {@code capMinor} caps the total per referee.
 */
public record RewardRule(
    Type type,
    BigDecimal percent,
    Long amountMinor,
    String currency,
    Trigger trigger,
    String milestone,
    Integer maxPayments,
    Long capMinor,
    String description) {

  public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;

  public enum Type { PERCENT, FLAT, CREDIT }

  public enum Trigger { SIGNUP, MILESTONE, FIRST_PAYMENT, EVERY_PAYMENT }

  public boolean paysOnPayment() {
    return trigger == Trigger.FIRST_PAYMENT || trigger == Trigger.EVERY_PAYMENT;
  }

  /** Reads and validates a rule; errors carry the field's path (e.g. referrer_reward.percent). */
  public static RewardRule parse(Input in, Trigger defaultTrigger) {
    Type type = enumOf(Type.class, in.required("type", in.oneOf("type", names(Type.values()))));
    if (type == null) {
      // the other fields' rules depend on the type; judging them now would only mislead
      return null;
    }
    Trigger trigger = in.has("trigger") ? enumOf(Trigger.class, in.required("trigger", in.oneOf("trigger", names(Trigger.values()))))
        : defaultTrigger;
    if (trigger == null && !in.has("trigger")) {
      in.error("trigger", "is required");
    }
    BigDecimal percent = percent(in, type);
    Long amount = amountFields(in, type);
    String currency = type == Type.PERCENT ? null : in.required("currency", in.currency("currency"));
    String milestone = trigger == Trigger.MILESTONE ? in.required("milestone", in.string("milestone", 1, 100))
        : notAllowed(in, "milestone", "is only used with trigger milestone");
    Integer maxPayments = trigger == Trigger.EVERY_PAYMENT ? in.smallInteger("max_payments", 1, 1000)
        : notAllowed(in, "max_payments", "is only used with trigger every_payment");
    Long cap = in.integer("cap_minor", 1, MAX_AMOUNT_MINOR);
    String description = in.string("description", 0, 500);
    if (type == Type.PERCENT && trigger != null && !(trigger == Trigger.FIRST_PAYMENT || trigger == Trigger.EVERY_PAYMENT)) {
      in.error("trigger", "a percent reward is a share of a payment: use first_payment or every_payment");
    }
    return new RewardRule(type, percent, amount, currency, trigger, milestone, maxPayments, cap, description);
  }

  private static BigDecimal percent(Input in, Type type) {
    if (type != Type.PERCENT) {
      return notAllowed(in, "percent", "is only used with type percent");
    }
    BigDecimal percent = in.required("percent", in.decimal("percent"));
    if (percent != null && (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.stripTrailingZeros().scale() > 4)) {
      return in.fail("percent", "must be more than 0 and at most 100, with at most 4 decimals");
    }
    return percent == null ? null : percent.stripTrailingZeros();
  }

  private static Long amountFields(Input in, Type type) {
    if (type == Type.PERCENT) {
      notAllowed(in, "currency", "is the payment's currency for type percent");
      return notAllowed(in, "amount_minor", "is only used with types flat and credit");
    }
    return in.required("amount_minor", in.integer("amount_minor", 1, MAX_AMOUNT_MINOR));
  }

  private static <T> T notAllowed(Input in, String field, String message) {
    if (in.has(field)) {
      in.error(field, message);
    }
    return null;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("type", lower(type));
    if (percent != null) {
      json.put("percent", percent.scale() <= 0 ? (Object) percent.longValueExact() : percent.doubleValue());
    }
    putIfSet(json, "amount_minor", amountMinor);
    putIfSet(json, "currency", currency);
    json.put("trigger", lower(trigger));
    putIfSet(json, "milestone", milestone);
    putIfSet(json, "max_payments", maxPayments);
    putIfSet(json, "cap_minor", capMinor);
    putIfSet(json, "description", description);
    return json;
  }

  public static RewardRule fromJson(JsonObject json) {
    if (json == null) {
      return null;
    }
    Object percent = json.getValue("percent");
    return new RewardRule(Type.valueOf(upper(json.getString("type"))),
        percent == null ? null : new BigDecimal(percent.toString()).stripTrailingZeros(),
        json.getLong("amount_minor"), json.getString("currency"), Trigger.valueOf(upper(json.getString("trigger"))),
        json.getString("milestone"), json.getInteger("max_payments"), json.getLong("cap_minor"), json.getString("description"));
  }

  private static void putIfSet(JsonObject json, String field, Object value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(RewardRule::lower).toList();
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, upper(name));
  }

  private static String lower(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  private static String upper(String name) {
    return name.toUpperCase(Locale.ROOT);
  }
}
