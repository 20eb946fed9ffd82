package io.refgate.events;

final class EventSql {
  static final String CLAIM = """
      INSERT INTO events (tenant_id, event_id, type, body_hash) VALUES ($1, $2, $3, $4)
      ON CONFLICT (tenant_id, event_id) DO NOTHING
      RETURNING event_id""";

  /**
   * Claims stored with their answers, for the rows of %s, in the order of their key: two statements
   * claiming some of the same event ids wait for each other in one direction, never in a circle.
   */
  static final String CLAIM_ANSWERED = """
      INSERT INTO events (tenant_id, event_id, type, body_hash, status, response)
      SELECT tenant_id, event_id, event_type, body_hash, answer_status, answer FROM %s
       ORDER BY tenant_id, event_id
      ON CONFLICT (tenant_id, event_id) DO NOTHING
      RETURNING tenant_id, event_id""";

  static final String FIRST = "SELECT body_hash, response FROM events WHERE tenant_id = $1 AND event_id = $2";

  static final String ANSWER = "UPDATE events SET status = $3, response = $4 WHERE tenant_id = $1 AND event_id = $2";

  private EventSql() {
  }
}
