-- Issue 20 (ADR 0045): regional offices' systems are told of their country's applications by
-- signed webhooks. A subscription holds the secret that signs its deliveries (kept as is: HMAC needs
-- it). A delivery is written in the transaction of the change it tells, and its id is the stable
-- webhook-id receivers deduplicate on. No personal data in either table.
create table webhook_subscription (
    id           uuid primary key,
    country      varchar(2) not null,
    url          varchar(2000) not null,
    event_types  varchar(200) not null,
    secret       varchar(100) not null,
    created_by   varchar(255) not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index webhook_subscription_country on webhook_subscription (country, created_at, id);

create table webhook_delivery (
    id               uuid primary key,
    subscription_id  uuid not null references webhook_subscription (id) on delete cascade,
    event_type       varchar(50) not null,
    application_id   uuid not null,
    payload          text not null,
    status           varchar(20) not null,
    attempts         integer not null default 0,
    created_at       timestamptz not null,
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(50),
    delivered_at     timestamptz
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at, id);
