package io.refgate.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads a request body field by field, collecting every problem with the field's JSON path, so a
 * caller learns all that is wrong in one 422. Readers return null for an absent or invalid field;
 * call {@link #check()} before using what was read. Unknown fields are ignored (CONTRACT).
 */
public final class Input {
  private final JsonObject json;
  private final String path;
  private final List<FieldError> errors;

  private Input(JsonObject json, String path, List<FieldError> errors) {
    this.json = json;
    this.path = path;
    this.errors = errors;
  }

  public static Input of(JsonObject json) {
    return new Input(json, "", new ArrayList<>());
  }

  public boolean has(String field) {
    return json.containsKey(field);
  }

  /** Present with the value null: in a PATCH, "clear this setting". */
  public boolean isNull(String field) {
    return json.containsKey(field) && json.getValue(field) == null;
  }

  public String string(String field, int minLength, int maxLength) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      return fail(field, "must be a string");
    }
    if (text.length() < minLength || text.length() > maxLength) {
      return fail(field, minLength == maxLength ? "must be " + minLength + " characters"
          : "must be " + minLength + " to " + maxLength + " characters");
    }
    return text;
  }

  public String requiredString(String field, int minLength, int maxLength) {
    return required(field, string(field, minLength, maxLength));
  }

  public String email(String field) {
    String email = string(field, 3, 320);
    return email == null || email.indexOf('@') > 0 ? email : fail(field, "must be an email address");
  }

  /** An ISO 4217 code: three upper-case letters. */
  public String currency(String field) {
    String currency = string(field, 3, 3);
    return currency == null || currency.chars().allMatch(c -> c >= 'A' && c <= 'Z') ? currency
        : fail(field, "must be an ISO 4217 code of three upper-case letters, such as EUR");
  }

  public String oneOf(String field, Collection<String> allowed) {
    String value = string(field, 1, 100);
    if (value != null && !allowed.contains(value)) {
      return fail(field, "must be one of " + String.join(", ", allowed));
    }
    return value;
  }

  public Long integer(String field, long min, long max) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      return fail(field, "must be a whole number");
    }
    long number = ((Number) value).longValue();
    if (number < min || number > max) {
      return fail(field, max == Long.MAX_VALUE ? "must be at least " + min : "must be from " + min + " to " + max);
    }
    return number;
  }

  public Integer smallInteger(String field, int min, int max) {
    Long value = integer(field, min, max);
    return value == null ? null : value.intValue();
  }

  public BigDecimal decimal(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number)) {
      return fail(field, "must be a number");
    }
    return value instanceof Double || value instanceof Float ? BigDecimal.valueOf(number.doubleValue())
        : new BigDecimal(number.toString());
  }

  public Boolean bool(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Boolean flag)) {
      return fail(field, "must be true or false");
    }
    return flag;
  }

  public Instant timestamp(String field) {
    String text = string(field, 1, 64);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return fail(field, "must be an RFC 3339 timestamp such as 2026-12-03T10:15:30Z");
    }
  }

  public List<String> strings(String field, int minItems, int maxItems, int maxLength) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      return fail(field, "must be an array of strings");
    }
    if (array.size() < minItems || array.size() > maxItems) {
      return fail(field, "must have " + minItems + " to " + maxItems + " items");
    }
    List<String> items = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof String text) || text.isEmpty() || text.length() > maxLength) {
        return fail(field, "must be an array of strings of 1 to " + maxLength + " characters");
      }
      items.add(text);
    }
    return items;
  }

  /** A nested object read with the same error list; null when absent or not an object. */
  public Input object(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject nested)) {
      return fail(field, "must be an object");
    }
    return new Input(nested, path + field + ".", errors);
  }

  public JsonObject raw() {
    return json;
  }

  public <T> T required(String field, T value) {
    if (value == null && !hasError(field)) {
      error(field, json.containsKey(field) ? "must not be null" : "is required");
    }
    return value;
  }

  /** Marks absent fields as required; present ones are then read (and null rejected) as usual. */
  public void requirePresent(String... fields) {
    for (String field : fields) {
      if (!json.containsKey(field)) {
        error(field, "is required");
      }
    }
  }

  public void error(String field, String message) {
    errors.add(new FieldError(path + field, message));
  }

  public <T> T fail(String field, String message) {
    error(field, message);
    return null;
  }

  public boolean hasError(String field) {
    String full = path + field;
    return errors.stream().anyMatch(e -> e.field().equals(full));
  }

  /** Throws the 422 naming every invalid field, if there is one. */
  public void check() {
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
  }
}
