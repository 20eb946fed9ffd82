package io.refgate.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

  private static String canonical(String json) {
    return CanonicalJson.of(new JsonObject(json));
  }

  @Test
  @DisplayName("the same event sent with its fields in another order is the same body")
  void keyOrderDoesNotMatter() {
    assertThat(canonical("{\"event_id\":\"evt_1\",\"new_user_id\":\"u_777\",\"amount_minor\":10000}"))
        .isEqualTo(canonical("{\"amount_minor\":10000,\"new_user_id\":\"u_777\",\"event_id\":\"evt_1\"}"));
  }

  @Test
  @DisplayName("the same event pretty-printed or minified is the same body")
  void whitespaceDoesNotMatter() {
    String pretty = """
        {
          "event_id" : "evt_1",
          "type"     : "invoice.paid",
          "tags"     : [ "a", "b" ]
        }
        """;
    assertThat(canonical(pretty)).isEqualTo(canonical("{\"event_id\":\"evt_1\",\"type\":\"invoice.paid\",\"tags\":[\"a\",\"b\"]}"));
  }

  @Test
  @DisplayName("key order does not matter inside nested objects, nor inside objects in arrays")
  void nestedKeyOrderDoesNotMatter() {
    assertThat(canonical("{\"a\":{\"y\":1,\"x\":{\"q\":true,\"p\":null}},\"b\":[{\"n\":1,\"m\":2},[{\"d\":4,\"c\":3}]]}"))
        .isEqualTo(canonical("{\"b\":[{\"m\":2,\"n\":1},[{\"c\":3,\"d\":4}]],\"a\":{\"x\":{\"p\":null,\"q\":true},\"y\":1}}"));
  }

  @Test
  @DisplayName("the canonical form has sorted keys and no spaces")
  void canonicalForm() {
    assertThat(canonical("{ \"b\": [ 2, 1 ], \"a\": { \"d\": \"x y\", \"c\": null } }"))
        .isEqualTo("{\"a\":{\"c\":null,\"d\":\"x y\"},\"b\":[2,1]}");
  }

  @Test
  @DisplayName("escaped and literal spellings of the same text are the same body")
  void escapesDoNotMatter() {
    assertThat(canonical("{\"name\":\"Zo\\u00eb\"}")).isEqualTo(canonical("{\"name\":\"Zoë\"}"));
  }

  @Test
  @DisplayName("one number written two ways (10000, 10000.0, 1e4) is the same body")
  void numberSpellingsDoNotMatter() {
    assertThat(canonical("{\"amount_minor\":10000}")).isEqualTo(canonical("{\"amount_minor\":10000.0}"))
        .isEqualTo(canonical("{\"amount_minor\":1e4}"));
  }

  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"amount_minor\":10000}                | {\"amount_minor\":10001}",
      "{\"currency\":\"EUR\"}                  | {\"currency\":\"eur\"}",
      "{\"a\":{\"b\":1}}                       | {\"a\":{\"b\":2}}",
      "{\"a\":[1,2]}                           | {\"a\":[2,1]}",
      "{\"a\":[{\"b\":1}]}                     | {\"a\":[{\"b\":1},{\"b\":1}]}",
      "{\"a\":null}                            | {}",
      "{\"a\":\"1\"}                           | {\"a\":1}",
      "{\"a\":true}                            | {\"a\":\"true\"}",
      "{\"a\":1}                               | {\"a\":1,\"b\":1}",
  })
  @DisplayName("bodies with different values, array order, or fields are different bodies")
  void differentValuesDiffer(String one, String other) {
    assertThat(canonical(one)).isNotEqualTo(canonical(other));
  }

  @Test
  @DisplayName("making the canonical form leaves the received body as it was")
  void doesNotChangeTheBody() {
    JsonObject body = new JsonObject("{\"b\":1,\"a\":{\"d\":2,\"c\":3}}");
    String before = body.encode();
    CanonicalJson.of(body);
    assertThat(body.encode()).isEqualTo(before);
  }

  @Property
  @Label("however the fields of a body are ordered, its canonical form is the same")
  void anyOrderSameForm(@ForAll @Size(max = 12) Map<@StringLength(max = 8) String, @StringLength(max = 8) String> fields,
      @ForAll @Size(max = 5) List<@StringLength(max = 8) String> nestedKeys) {
    List<String> keys = new ArrayList<>(fields.keySet());
    JsonObject inOrder = build(fields, keys, nestedKeys);
    Collections.reverse(keys);
    List<String> reversedNested = new ArrayList<>(nestedKeys);
    Collections.reverse(reversedNested);
    JsonObject reversed = build(fields, keys, reversedNested);
    assertThat(CanonicalJson.of(reversed)).isEqualTo(CanonicalJson.of(inOrder));
    assertThat(new JsonObject(CanonicalJson.of(inOrder))).isEqualTo(inOrder);
  }

  private static JsonObject build(Map<String, String> fields, List<String> keys, List<String> nestedKeys) {
    JsonObject nested = new JsonObject();
    nestedKeys.forEach(key -> nested.put(key, key.length()));
    JsonObject json = new JsonObject().put("nested", new JsonArray().add(nested));
    keys.forEach(key -> json.put("f_" + key, fields.get(key)));
    return json;
  }
}
