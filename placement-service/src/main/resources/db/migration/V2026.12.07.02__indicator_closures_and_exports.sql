-- Impact indicators (issue 17, h-exports): closed periods and audited exports.
-- A closed period keeps a country's indicator facts of [period_from, period_to] as they were when it
-- was closed, so its figures do not move when late events arrive; a correction freezes them again
-- from the live facts as the next revision. Facts are pseudonymous ids and categories only.
create table indicator_closure (
    id           uuid primary key,
    country      varchar(2) not null check (country in ('FR', 'MA')),
    period_from  date not null,
    period_to    date not null,
    closed_by    varchar(255) not null,
    closed_at    timestamptz not null,
    version      bigint not null default 0,
    check (period_from <= period_to),
    unique (country, period_from, period_to)
);

create table indicator_closure_revision (
    closure_id        uuid not null references indicator_closure (id),
    revision          integer not null check (revision >= 1),
    reason            varchar(500),
    recorded_by       varchar(255) not null,
    recorded_at       timestamptz not null,
    learner_count     integer not null,
    application_count integer not null,
    learners          jsonb not null,
    applications      jsonb not null,
    primary key (closure_id, revision),
    -- the first revision is the closure itself; every later one is a correction and says why
    check ((revision = 1) = (reason is null))
);

-- Who exported which report of which scope and period, when, and how many rows it held.
create table indicator_export_audit (
    id                 uuid primary key,
    exported_by        varchar(255) not null,
    roles              varchar(200) not null,
    exported_at        timestamptz not null,
    report             varchar(40) not null,
    format             varchar(10) not null check (format in ('csv', 'json')),
    country            varchar(2) not null,
    funder_partner_id  uuid,
    scope              varchar(500) not null,
    period_from        date not null,
    period_to          date not null,
    closure_revision   integer,
    row_count          integer not null
);
create index indicator_export_audit_country on indicator_export_audit (country, exported_at desc);
