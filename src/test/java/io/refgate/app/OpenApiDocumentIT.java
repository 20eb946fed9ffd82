package io.refgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.refgate.config.RefgateConfig;
import io.refgate.metrics.Metrics;
import io.refgate.redirect.RedirectHandler;
import io.refgate.store.PgTarget;
import io.refgate.testing.Api;
import io.refgate.testing.TestEnvironment;
import io.refgate.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The OpenAPI document describes exactly the routes the gateway has")
class OpenApiDocumentIT {
  private static final Set<String> DOCUMENTED_METHODS = Set.of("get", "head", "post", "put", "patch", "delete");

  @Test
  @DisplayName("every route of the public router is in /openapi.yaml, and every documented operation is routed")
  void documentMatchesRouter() throws Exception {
    assertThat(documented()).isEqualTo(routed());
  }

  @Test
  @DisplayName("the document is served at /openapi.yaml as YAML")
  void served() {
    Api.Reply reply = new Api(TestGateway.shared()).get("/openapi.yaml", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/yaml");
    assertThat(reply.body()).startsWith("openapi: 3.1.0");
  }

  private static Set<String> routed() {
    Vertx vertx = Vertx.vertx();
    try {
      RefgateConfig config = TestEnvironment.config(Map.of());
      Wiring.Clients clients = Wiring.clients(vertx, config, PgTarget.of(config.pg().url(), config.pg().connectTimeoutMs()));
      Router router = PublicRouter.create(vertx, Wiring.services(vertx, Metrics.registry(), config, clients));
      Set<String> operations = new TreeSet<>();
      for (Route route : router.getRoutes()) {
        String path = route.getPath();
        if (path == null || !route.isExactPath() || route.methods() == null) {
          continue;
        }
        route.methods().forEach(m -> operations.add(m.name() + " " + path.replaceAll(":(\\w+)", "{$1}")));
      }
      String redirect = RedirectHandler.PATH_PREFIX + "{code}";
      operations.add("GET " + redirect);
      operations.add("HEAD " + redirect);
      return operations;
    } finally {
      vertx.close().await();
    }
  }

  private static Set<String> documented() throws Exception {
    try (InputStream in = OpenApiDocumentIT.class.getResourceAsStream("/openapi.yaml")) {
      JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
      Set<String> operations = new TreeSet<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        path.getValue().fieldNames().forEachRemaining(method -> {
          if (DOCUMENTED_METHODS.contains(method)) {
            operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
          }
        });
      }
      return operations;
    }
  }
}
