create table test_effect (
    event_id uuid primary key,
    note_id  uuid not null,
    applied_at timestamptz not null default now()
);
