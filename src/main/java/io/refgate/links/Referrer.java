package io.refgate.links;

import java.util.Map;

/**
 * A user who refers others, as the customer's backend describes them (CONTRACT §3). Null fields
 * were not given: an upsert keeps what is stored for them.
 */
public record Referrer(String userId, String organizationId, String email, Map<String, String> attributes, Boolean partner) {

  public Map<String, String> attributesOrEmpty() {
    return attributes == null ? Map.of() : attributes;
  }
}
