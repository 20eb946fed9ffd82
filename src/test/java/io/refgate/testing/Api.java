package io.refgate.testing;

import io.refgate.app.Refgate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Speaks HTTP to a running gateway, as a customer backend or a browser would. */
public final class Api {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final String base;
  private final String managementBase;

  public Api(Refgate app) {
    this(app.httpPort(), app.managementPort());
  }

  public Api(int httpPort, int managementPort) {
    this.base = "http://127.0.0.1:" + httpPort;
    this.managementBase = "http://127.0.0.1:" + managementPort;
  }

  public record Reply(int status, HttpHeaders headers, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray items() {
      return json().getJsonArray("items");
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public List<String> cookies() {
      return headers.allValues("Set-Cookie");
    }

    public String contentType() {
      return header("Content-Type");
    }

    /** The fields a 422 names. */
    public List<String> errorFields() {
      return json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList();
    }
  }

  /** A tenant made through the admin API, with its first API key. */
  public record Tenant(UUID id, String apiKey) {
  }

  public Reply send(String method, String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Reply get(String path, String token) {
    return send("GET", path, token, null, Map.of());
  }

  public Reply post(String path, String token, JsonObject body) {
    return send("POST", path, token, body.encode(), Map.of());
  }

  public Reply postRaw(String path, String token, String body) {
    return send("POST", path, token, body, Map.of());
  }

  public Reply patch(String path, String token, JsonObject body) {
    return send("PATCH", path, token, body.encode(), Map.of());
  }

  public Reply delete(String path, String token) {
    return send("DELETE", path, token, null, Map.of());
  }

  /** A referral link followed by a browser (or by whatever the User-Agent says). */
  public Reply click(String code, String userAgent) {
    return click(code, userAgent, Map.of());
  }

  public Reply click(String code, String userAgent, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    if (userAgent != null) {
      all.put("User-Agent", userAgent);
    }
    return send("GET", "/r/" + code, null, null, all);
  }

  /**
   * A GET with no User-Agent at all, which java.net.http cannot send; answers the status line and
   * the Set-Cookie headers.
   */
  public List<String> getWithoutUserAgent(String path) {
    URI uri = URI.create(base);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      return response.lines().takeWhile(line -> !line.isEmpty())
          .filter(line -> line.startsWith("HTTP/") || line.regionMatches(true, 0, "Set-Cookie:", 0, 11)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Reply management(String path) {
    return send("GET", managementBase + path, null, null, Map.of());
  }

  public Tenant tenant(JsonObject settings) {
    Reply reply = post("/admin/v1/tenants", TestEnvironment.ADMIN_TOKEN, settings);
    if (reply.status() != 201) {
      throw new IllegalStateException("tenant not created: " + reply.status() + " " + reply.body());
    }
    return new Tenant(UUID.fromString(reply.json().getString("id")), reply.json().getString("api_key"));
  }

  /** A tenant allowing acme.example and its subdomains. */
  public Tenant tenant() {
    return tenant(new JsonObject().put("name", "Acme " + UUID.randomUUID())
        .put("allowed_hosts", new JsonArray().add("acme.example").add("*.acme.example")));
  }

  public JsonObject campaign(Tenant tenant, JsonObject overrides) {
    JsonObject body = new JsonObject()
        .put("name", "Campaign " + UUID.randomUUID())
        .put("destination_url", "https://acme.example/signup")
        .put("referrer_reward", new JsonObject().put("type", "percent").put("percent", 20).put("trigger", "every_payment"))
        .mergeIn(overrides);
    Reply reply = post("/v1/campaigns", tenant.apiKey(), body);
    if (reply.status() != 201) {
      throw new IllegalStateException("campaign not created: " + reply.status() + " " + reply.body());
    }
    return reply.json();
  }

  /** POST /v1/events/{type}. */
  public Reply event(Tenant tenant, String type, JsonObject body) {
    return post("/v1/events/" + type, tenant.apiKey(), body);
  }

  /** The click id a redirect put into its Location. */
  public static String clickIdOf(Reply redirect) {
    String location = redirect.header("Location");
    int at = location.indexOf("click_id=");
    if (at < 0) {
      throw new IllegalStateException("no click_id in " + location);
    }
    int end = at;
    while (end < location.length() && location.charAt(end) != '&' && location.charAt(end) != '#') {
      end++;
    }
    return location.substring(at + "click_id=".length(), end);
  }

  /** Enrols a referrer and answers its code. */
  public String referrer(Tenant tenant, String userId) {
    Reply reply = post("/v1/referrers", tenant.apiKey(), new JsonObject().put("user_id", userId));
    if (reply.status() != 201 && reply.status() != 200) {
      throw new IllegalStateException("referrer not enrolled: " + reply.status() + " " + reply.body());
    }
    return reply.json().getString("code");
  }
}
