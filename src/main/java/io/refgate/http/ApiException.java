package io.refgate.http;

import java.util.List;
import java.util.Map;

/**
 * Every failure a caller can be told about, each with a named factory and a stable type, rendered
 * as application/problem+json by {@link Problems}. The detail is written for the caller; causes
 * never reach a response.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final transient List<FieldError> errors;
  private final transient Map<String, String> headers;

  private ApiException(int status, String type, String title, String detail, List<FieldError> errors,
      Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = errors;
    this.headers = headers;
  }

  private static ApiException of(int status, String type, String title, String detail) {
    return new ApiException(status, type, title, detail, List.of(), Map.of());
  }

  public static ApiException malformedJson(String detail) {
    return of(400, "malformed_json", "Malformed JSON", detail);
  }

  public static ApiException badRequest(String type, String detail) {
    return of(400, type, "Bad request", detail);
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, "unauthorized", "Unauthorized", detail, List.of(), Map.of("WWW-Authenticate", "Bearer"));
  }

  public static ApiException notFound(String detail) {
    return of(404, "not_found", "Not found", detail);
  }

  /** {@code allow} lists the methods the path answers, or is null when the router cannot tell. */
  public static ApiException methodNotAllowed(String allow) {
    return allow == null
        ? of(405, "method_not_allowed", "Method not allowed", "this path does not answer that method")
        : new ApiException(405, "method_not_allowed", "Method not allowed", "this path answers " + allow, List.of(),
            Map.of("Allow", allow));
  }

  public static ApiException conflict(String type, String detail) {
    return of(409, type, "Conflict", detail);
  }

  public static ApiException payloadTooLarge(int limitBytes) {
    return of(413, "payload_too_large", "Payload too large", "request bodies are limited to " + limitBytes + " bytes");
  }

  public static ApiException validation(List<FieldError> errors) {
    String detail = errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).message()
        : errors.size() + " fields are invalid";
    return new ApiException(422, "validation_failed", "Invalid request", detail, List.copyOf(errors), Map.of());
  }

  public static ApiException invalidField(String field, String message) {
    return validation(List.of(new FieldError(field, message)));
  }

  public static ApiException unavailable(String detail) {
    return new ApiException(503, "unavailable", "Service unavailable", detail, List.of(), Map.of("Retry-After", "5"));
  }

  public static ApiException internal() {
    return of(500, "internal_error", "Internal error", "the request failed; it has been logged");
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
