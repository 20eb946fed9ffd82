-- Every event a customer backend (or Stripe) sent, with the answer it got. The primary key decides
-- idempotency: a concurrent duplicate waits on it and then finds the first answer.
CREATE TABLE events (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    event_id    text NOT NULL,
    type        text NOT NULL,
    body_hash   bytea NOT NULL,
    status      integer,
    response    json,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, event_id)
);

-- One row per signed-up user: the first signup decides (CONTRACT §5).
CREATE TABLE referees (
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    user_id         text NOT NULL,
    organization_id text,
    email_hash      bytea,
    status          text NOT NULL CHECK (status IN ('attributed', 'unattributed', 'rejected')),
    reason          text,
    referrer_id     bigint REFERENCES referrers (id),
    link_id         bigint REFERENCES links (id),
    campaign_id     uuid REFERENCES campaigns (id),
    click_id        uuid,
    signed_up_at    timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX referees_organization ON referees (tenant_id, organization_id, signed_up_at)
    WHERE status = 'attributed' AND organization_id IS NOT NULL;
CREATE INDEX referees_attributed ON referees (tenant_id, signed_up_at) WHERE status = 'attributed';
CREATE INDEX referees_campaign ON referees (campaign_id, signed_up_at) WHERE status = 'attributed';

-- Payments by their sender's id; refunded_minor accumulates. referee_user_id is the attribution
-- the payment matched, null when it matched none; seq numbers a referee's payments (1 = first).
CREATE TABLE payments (
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    payment_id      text NOT NULL,
    referee_user_id text,
    campaign_id     uuid REFERENCES campaigns (id),
    seq             integer,
    amount_minor    bigint NOT NULL CHECK (amount_minor >= 0),
    refunded_minor  bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
    currency        text NOT NULL,
    paid_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, payment_id)
);
CREATE INDEX payments_referee ON payments (tenant_id, referee_user_id) WHERE referee_user_id IS NOT NULL;
CREATE INDEX payments_campaign ON payments (campaign_id, paid_at) WHERE campaign_id IS NOT NULL;

-- The reward ledger. amount_minor is what the entry is worth now (a pending reward shrinks on a
-- refund; a clawback is negative); original_minor what it was granted at. dedupe_key makes a
-- grant happen once whatever the events look like (one referrer reward per payment, one signup
-- reward per referee, ...).
CREATE TABLE rewards (
    id              uuid PRIMARY KEY,
    seq             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    user_id         text NOT NULL,
    beneficiary     text NOT NULL CHECK (beneficiary IN ('referrer', 'referee')),
    kind            text NOT NULL CHECK (kind IN ('reward', 'clawback')),
    reward_type     text NOT NULL CHECK (reward_type IN ('percent', 'flat', 'credit')),
    amount_minor    bigint NOT NULL,
    original_minor  bigint NOT NULL,
    currency        text NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'approved', 'paid', 'cancelled')),
    campaign_id     uuid NOT NULL REFERENCES campaigns (id),
    referee_user_id text NOT NULL,
    payment_id      text,
    trigger         text NOT NULL,
    description     text,
    reverses        uuid REFERENCES rewards (id),
    dedupe_key      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    available_at    timestamptz NOT NULL,
    approved_at     timestamptz,
    paid_at         timestamptz,
    UNIQUE (tenant_id, dedupe_key),
    CHECK ((kind = 'reward' AND amount_minor >= 0) OR (kind = 'clawback' AND amount_minor < 0))
);
CREATE INDEX rewards_ledger ON rewards (tenant_id, seq);
CREATE INDEX rewards_user ON rewards (tenant_id, user_id, seq);
CREATE INDEX rewards_due ON rewards (available_at) WHERE status = 'pending';
CREATE INDEX rewards_payment ON rewards (tenant_id, payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX rewards_referee ON rewards (tenant_id, referee_user_id, campaign_id, beneficiary);
CREATE INDEX rewards_campaign ON rewards (campaign_id, created_at);

-- What referrers did in the customer's product (viewed, copied, shared their link).
CREATE TABLE referrer_activity (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    referrer_id bigint NOT NULL REFERENCES referrers (id),
    type        text NOT NULL CHECK (type IN ('viewed', 'copied', 'shared')),
    occurred_at timestamptz NOT NULL
);
CREATE INDEX referrer_activity_time ON referrer_activity (tenant_id, occurred_at, referrer_id);

-- Stripe customers mapped to the product's users (from customer.created/updated metadata).
CREATE TABLE stripe_customers (
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    customer_id     text NOT NULL,
    user_id         text NOT NULL,
    organization_id text,
    refgate_code    text,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, customer_id)
);

-- Stripe's other ids for a payment stored under its invoice id (the invoice's charge and payment
-- intent), so that a refund of the charge finds the payment it shrinks.
CREATE TABLE stripe_payment_aliases (
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    alias      text NOT NULL,
    payment_id text NOT NULL,
    PRIMARY KEY (tenant_id, alias)
);
