package io.refgate.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.TreeSet;

/**
 * The methods the router answers on a path, for the Allow header a 405 must carry (RFC 9110
 * §15.5.6). Routes ending in "*" are the middleware in front of the API (body reading,
 * authentication), which answer nothing themselves.
 */
public final class AllowedMethods {
  private AllowedMethods() {
  }

  /** "GET, PATCH", or null when no route answers the path. */
  public static String of(Router router, String path) {
    Set<String> allowed = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      String template = route.getPath();
      Set<HttpMethod> methods = route.methods();
      if (template != null && !template.endsWith("*") && methods != null && matches(template, path)) {
        methods.forEach(method -> allowed.add(method.name()));
      }
    }
    return allowed.isEmpty() ? null : String.join(", ", allowed);
  }

  /** Whether a path fits a template such as /v1/campaigns/:id, where a ":" segment is any segment. */
  static boolean matches(String template, String path) {
    String[] expected = template.split("/", -1);
    String[] actual = path.split("/", -1);
    if (expected.length != actual.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      boolean parameter = expected[i].startsWith(":") && !actual[i].isEmpty();
      if (!parameter && !expected[i].equals(actual[i])) {
        return false;
      }
    }
    return true;
  }
}
