package io.refgate.events;

final class EventSql {
  static final String CLAIM = """
      INSERT INTO events (tenant_id, event_id, type, body_hash) VALUES ($1, $2, $3, $4)
      ON CONFLICT (tenant_id, event_id) DO NOTHING
      RETURNING event_id""";

  /** A claim stored with its answer; %s is the list of six parameters. */
  static final String CLAIM_ANSWERED = """
      INSERT INTO events (tenant_id, event_id, type, body_hash, status, response) VALUES (%s)
      ON CONFLICT (tenant_id, event_id) DO NOTHING
      RETURNING event_id""";

  static final String FIRST = "SELECT body_hash, response FROM events WHERE tenant_id = $1 AND event_id = $2";

  static final String ANSWER = "UPDATE events SET status = $3, response = $4 WHERE tenant_id = $1 AND event_id = $2";

  private EventSql() {
  }
}
