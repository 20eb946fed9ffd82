package io.refgate.redirect;

import io.refgate.cache.CodeCache;
import io.refgate.clicks.Click;
import io.refgate.clicks.ClickBuffer;
import io.refgate.http.ApiException;
import io.refgate.http.Problems;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * GET/HEAD /r/{code} (CONTRACT §4): resolve the code, answer 302 with the destination and the
 * referral cookies, hand the click to the buffer. Nothing here waits for PostgreSQL unless the code
 * is in no cache; constant headers are pre-encoded.
 */
public final class RedirectHandler {
  public static final String PATH_PREFIX = "/r/";

  private static final CharSequence LOCATION = HttpHeaders.createOptimized("Location");
  private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
  private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
  private static final CharSequence SET_COOKIE = HttpHeaders.createOptimized("Set-Cookie");
  private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
  private static final CharSequence HTML = HttpHeaders.createOptimized("text/html; charset=utf-8");
  private static final CharSequence PROBLEM = HttpHeaders.createOptimized(Problems.CONTENT_TYPE);
  private static final byte[] NOT_FOUND_JSON = bytes(Problems.body(ApiException.notFound("no active referral link has this code")).encode());
  private static final byte[] NOT_FOUND_HTML = bytes("<!doctype html><html><head><meta charset=\"utf-8\"><title>Link not found</title></head>"
      + "<body><h1>Link not found</h1><p>This referral link does not exist or is no longer active.</p></body></html>");
  private static final byte[] UNAVAILABLE_JSON = bytes(Problems.body(ApiException.unavailable("the link cannot be looked up right now")).encode());

  private final CodeCache<LinkTarget> links;
  private final ClickBuffer clicks;
  private final BotDetector bots;
  private final RedirectMetrics metrics;
  private final String fallbackUrl;
  private final int trustProxyHops;

  public RedirectHandler(CodeCache<LinkTarget> links, ClickBuffer clicks, BotDetector bots, RedirectMetrics metrics, URI fallbackUrl,
      int trustProxyHops) {
    this.links = links;
    this.clicks = clicks;
    this.bots = bots;
    this.metrics = metrics;
    this.fallbackUrl = fallbackUrl == null ? null : fallbackUrl.toString();
    this.trustProxyHops = trustProxyHops;
  }

  public void handle(HttpServerRequest request) {
    long start = System.nanoTime();
    HttpMethod method = request.method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      Problems.send(request.response(), ApiException.methodNotAllowed("GET, HEAD"));
      return;
    }
    String path = request.path();
    if (!CodeSyntax.isValid(path, PATH_PREFIX.length())) {
      notFound(request, RedirectMetrics.Outcome.INVALID, start);
      return;
    }
    String code = path.substring(PATH_PREFIX.length());
    Optional<LinkTarget> cached = links.peek(code);
    if (cached != null) {
      answer(request, code, cached.orElse(null), start);
      return;
    }
    links.resolve(code).onComplete(ar -> {
      if (ar.succeeded()) {
        answer(request, code, ar.result().orElse(null), start);
      } else {
        unavailable(request, start);
      }
    });
  }

  private void answer(HttpServerRequest request, String code, LinkTarget target, long start) {
    if (target == null || !target.active()) {
      notFound(request, RedirectMetrics.Outcome.NOT_FOUND, start);
      return;
    }
    HttpServerResponse response = request.response().setStatusCode(302).putHeader(CACHE_CONTROL, NO_STORE);
    if (request.method() == HttpMethod.HEAD) {
      response.putHeader(LOCATION, target.destination().location(code, null, request.query())).end();
      metrics.record(RedirectMetrics.Outcome.REDIRECTED, start);
      return;
    }
    String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
    boolean bot = bots.isBot(userAgent) || BotDetector.isPrefetch(request.getHeader("Sec-Purpose"), request.getHeader("Purpose"));
    long now = System.currentTimeMillis();
    UUID clickId = ClickIds.next(now);
    String clickText = ClickIds.encode(clickId);
    response.putHeader(LOCATION, target.destination().location(code, clickText, request.query()));
    if (!bot && !(target.firstClick() && holdsLiveClick(request, target, now))) {
      response.putHeader(SET_COOKIE, target.cookies().clickCookie(clickText));
      response.headers().add(SET_COOKIE, target.cookies().refCookie(code));
    }
    // buffered before the answer leaves: a visitor holding the answer has a click that will be stored
    clicks.offer(new Click(clickId, target.linkId(), target.tenantId(), target.campaignId(), clientAddress(request), userAgent,
        request.getHeader(HttpHeaders.REFERER), bot));
    response.end();
    metrics.record(bot ? RedirectMetrics.Outcome.BOT : RedirectMetrics.Outcome.REDIRECTED, start);
  }

  /** first_click: a visitor still holding a click cookie from within the window keeps it. */
  private static boolean holdsLiveClick(HttpServerRequest request, LinkTarget target, long now) {
    UUID held = ClickIds.decode(CookiePolicy.find(request.getHeader(HttpHeaders.COOKIE), CookiePolicy.CLICK_COOKIE));
    return held != null && now - ClickIds.epochMillis(held) < target.windowMillis();
  }

  private String clientAddress(HttpServerRequest request) {
    String socket = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return trustProxyHops == 0 ? socket : ClientAddress.of(socket, request.getHeader("X-Forwarded-For"), trustProxyHops);
  }

  private void notFound(HttpServerRequest request, RedirectMetrics.Outcome outcome, long start) {
    if (fallbackUrl != null) {
      request.response().setStatusCode(302).putHeader(CACHE_CONTROL, NO_STORE).putHeader(LOCATION, fallbackUrl).end();
    } else if (prefersHtml(request)) {
      request.response().setStatusCode(404).putHeader(CACHE_CONTROL, NO_STORE).putHeader(CONTENT_TYPE, HTML).end(Buffer.buffer(NOT_FOUND_HTML));
    } else {
      request.response().setStatusCode(404).putHeader(CACHE_CONTROL, NO_STORE).putHeader(CONTENT_TYPE, PROBLEM).end(Buffer.buffer(NOT_FOUND_JSON));
    }
    metrics.record(outcome, start);
  }

  private void unavailable(HttpServerRequest request, long start) {
    if (fallbackUrl != null) {
      request.response().setStatusCode(302).putHeader(CACHE_CONTROL, NO_STORE).putHeader(LOCATION, fallbackUrl).end();
    } else {
      request.response().setStatusCode(503).putHeader(CACHE_CONTROL, NO_STORE).putHeader("Retry-After", "1")
          .putHeader(CONTENT_TYPE, PROBLEM).end(Buffer.buffer(UNAVAILABLE_JSON));
    }
    metrics.record(RedirectMetrics.Outcome.UNAVAILABLE, start);
  }

  private static boolean prefersHtml(HttpServerRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("text/html");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
