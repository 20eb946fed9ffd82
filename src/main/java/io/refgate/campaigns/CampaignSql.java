package io.refgate.campaigns;

final class CampaignSql {
  static final String COLUMNS = """
      id, tenant_id, name, destination_url, referrer_reward, referee_reward, hold_days, segment, priority,
      experiment_key, experiment_weight, active, created_at""";

  static final String INSERT = """
      INSERT INTO campaigns (id, tenant_id, name, destination_url, referrer_reward, referee_reward, hold_days, segment,
                             priority, experiment_key, experiment_weight, active)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
      RETURNING\s""" + COLUMNS;

  static final String UPDATE = """
      UPDATE campaigns
         SET name = $3, destination_url = $4, referrer_reward = $5, referee_reward = $6, hold_days = $7, segment = $8,
             priority = $9, experiment_key = $10, experiment_weight = $11, active = $12, updated_at = now()
       WHERE id = $1 AND tenant_id = $2
      RETURNING\s""" + COLUMNS;

  static final String BY_ID = "SELECT " + COLUMNS + " FROM campaigns WHERE id = $1 AND tenant_id = $2";

  static final String BY_ID_FOR_UPDATE = BY_ID + " FOR UPDATE";

  static final String OF_TENANT = "SELECT " + COLUMNS + " FROM campaigns WHERE tenant_id = $1 ORDER BY created_at, id";

  static final String ACTIVE_OF_TENANT = "SELECT " + COLUMNS + " FROM campaigns WHERE tenant_id = $1 AND active";

  private CampaignSql() {
  }
}
