-- Follow-ups (issue 16): the dates after an exit at which the school asks a learner where they
-- are, at the country's offsets. Those without the learner's consent are kept as NO_CONSENT, so
-- that they are counted rather than silently missing.
create table follow_up (
    id                 uuid primary key,
    learner_id         uuid not null references learner (learner_id),
    country            varchar(2) not null check (country in ('FR', 'MA')),
    site_code          varchar(64) not null,
    cohort_id          uuid,
    exit_kind          varchar(20) not null check (exit_kind in ('COMPLETED', 'WITHDREW')),
    exit_date          date not null,
    offset_months      integer not null check (offset_months between 1 and 60),
    due_on             date not null,
    status             varchar(20) not null
                       check (status in ('SCHEDULED', 'NO_CONSENT', 'DONE', 'UNREACHABLE')),
    attempts           integer not null default 0,
    last_attempt_at    timestamptz,
    notes              varchar(1000),
    due_announced_at   timestamptz,
    placement_id       uuid references placement (id),
    answered_by        varchar(20) check (answered_by in ('STAFF', 'LEARNER')),
    closed_at          timestamptz,
    created_at         timestamptz not null,
    version            bigint not null default 0,
    unique (learner_id, exit_date, offset_months)
);
create index follow_up_due on follow_up (country, site_code, status, due_on);
