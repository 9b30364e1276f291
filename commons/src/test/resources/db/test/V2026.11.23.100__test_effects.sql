create table test_effect (
    event_id uuid primary key,
    note_id  uuid not null,
    trace_id varchar(32),
    applied_at timestamptz not null default now()
);
