package io.refgate.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The Date header value, formatted once a second instead of once a response. */
public final class HttpDate {
  private volatile CharSequence current = format();

  public HttpDate(Vertx vertx) {
    vertx.setPeriodic(1000, id -> current = format());
  }

  public CharSequence now() {
    return current;
  }

  private static CharSequence format() {
    return HttpHeaders.createOptimized(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
  }
}
