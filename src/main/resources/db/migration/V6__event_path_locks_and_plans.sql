-- Two things the event load test found (load-tests/README.md).
--
-- Foreign keys from the ledger tables to tenants, campaigns, referrers and links made every event
-- take a share lock on those parent rows, so concurrent events of one tenant (or of one popular
-- referrer) queued on the same few rows. Parents are never deleted (tenants have no delete,
-- campaigns are deactivated, links disabled) and every id an event writes comes from a row the
-- same transaction read, so these checks guarded nothing.
ALTER TABLE events DROP CONSTRAINT events_tenant_id_fkey;
ALTER TABLE referees DROP CONSTRAINT referees_tenant_id_fkey, DROP CONSTRAINT referees_referrer_id_fkey,
    DROP CONSTRAINT referees_link_id_fkey, DROP CONSTRAINT referees_campaign_id_fkey;
ALTER TABLE payments DROP CONSTRAINT payments_tenant_id_fkey, DROP CONSTRAINT payments_campaign_id_fkey;
ALTER TABLE rewards DROP CONSTRAINT rewards_tenant_id_fkey, DROP CONSTRAINT rewards_campaign_id_fkey;
ALTER TABLE referrer_activity DROP CONSTRAINT referrer_activity_tenant_id_fkey, DROP CONSTRAINT referrer_activity_referrer_id_fkey;

-- What a referee already earned (the cap) was read through rewards_campaign, scanning every reward
-- of the campaign, whenever the plan was made while the table was small and both indexes looked
-- alike. The referee index now leads with the campaign and the campaign-and-time index is gone
-- (the funnel, whose campaign filter is optional, never used it), so no other index fits.
DROP INDEX rewards_campaign;
DROP INDEX rewards_referee;
CREATE INDEX rewards_referee ON rewards (campaign_id, referee_user_id, beneficiary);
