package io.refgate.http;

/** One invalid field of a request body, named by its JSON path (e.g. referrer_reward.percent). */
public record FieldError(String field, String message) {
}
