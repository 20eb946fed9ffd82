
CREATE TABLE tenants (
    id                      uuid PRIMARY KEY,
    name                    text NOT NULL,
    allowed_hosts           text[] NOT NULL,
    cookie_domain           text,
    attribution_window_days integer NOT NULL CHECK (attribution_window_days BETWEEN 1 AND 3650),
    attribution_model       text NOT NULL CHECK (attribution_model IN ('last_click', 'first_click')),
    ref_param               text NOT NULL,
    click_param             text NOT NULL,
    stripe_webhook_secret   text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);

-- Keys are stored only as SHA-256 hashes; the prefix (first 12 characters) names a key for revocation.
CREATE TABLE api_keys (
    key_hash   bytea PRIMARY KEY,
    prefix     text NOT NULL UNIQUE,
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id);

CREATE TABLE campaigns (
    id                uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    name              text NOT NULL,
    destination_url   text NOT NULL,
    referrer_reward   jsonb NOT NULL,
    referee_reward    jsonb,
    hold_days         integer NOT NULL CHECK (hold_days >= 0),
    segment           jsonb NOT NULL DEFAULT '{}',
    priority          integer NOT NULL,
    experiment_key    text,
    experiment_weight integer CHECK (experiment_weight > 0),
    active            boolean NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_tenant ON campaigns (tenant_id, created_at);

CREATE TABLE referrers (
    id              bigserial PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    user_id         text NOT NULL,
    organization_id text,
    email_hash      bytea,
    attributes      jsonb NOT NULL DEFAULT '{}',
    partner         boolean NOT NULL DEFAULT false,
    campaign_id     uuid NOT NULL REFERENCES campaigns (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, user_id)
);
CREATE INDEX referrers_campaign ON referrers (campaign_id);

-- Codes are global: /r/{code} carries no tenant.
CREATE TABLE links (
    id              bigserial PRIMARY KEY,
    code            text NOT NULL UNIQUE,
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    referrer_id     bigint NOT NULL REFERENCES referrers (id),
    campaign_id     uuid NOT NULL REFERENCES campaigns (id),
    destination_url text,
    active          boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX links_referrer ON links (referrer_id, created_at, id);
CREATE INDEX links_campaign ON links (campaign_id);
CREATE INDEX links_tenant ON links (tenant_id);
