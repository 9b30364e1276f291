-- ADR 0045, addendum: a subscription's secret is rotated without a gap. The secret it replaces
-- still signs deliveries, beside the new one, until previous_secret_expires_at, so the receiver
-- can switch to the new one at its own pace.
alter table webhook_subscription
    add column previous_secret            varchar(100),
    add column previous_secret_expires_at timestamptz;
