-- Shared by every service (DESIGN §4 and §6). Versions are dates so that commons and
-- service migrations interleave in the order they were written.

create table outbox_event (
    id           uuid primary key,            -- becomes ce_id: never a fresh id at send time
    seq          bigint generated always as identity unique,
    topic        varchar(200) not null,
    aggregate_id uuid not null,               -- record key and ce_subject
    type         varchar(200) not null,
    source       varchar(200) not null,
    country      varchar(2),
    site         varchar(64),
    traceparent  varchar(64),
    data         json not null,               -- json, not jsonb: sent exactly as written
    created_at   timestamptz not null default now(),
    sent_at      timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

create table inbox_event (
    consumer    varchar(200) not null,
    event_id    uuid not null,
    event_type  varchar(200) not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create table idempotency_key (
    caller       varchar(200) not null,
    idem_key     varchar(200) not null,
    operation    varchar(200) not null,
    request_hash varchar(64) not null,
    status       integer,
    body         text,
    created_at   timestamptz not null default now(),
    primary key (caller, idem_key)
);
