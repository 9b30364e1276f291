-- Issue 5: platform admins manage sites and programmes (ETag/If-Match need a version), and cohorts
-- name their trainers (kept here, never in events) and funders, and when they started and ended.

-- Codes never change once cohorts and events name them; a site's code starts with its country.
alter table site
    add column version bigint not null default 0,
    add constraint site_code_format check (code ~ '^[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*$'),
    add constraint site_code_country check (left(code, 3) = country || '-');

alter table programme
    add column version bigint not null default 0,
    add constraint programme_code_format check (code ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'),
    add constraint programme_job_track
        check (job_track in ('WEB_MOBILE_DEVELOPMENT', 'DATA', 'AI', 'CYBERSECURITY',
                             'DIGITAL_MARKETING')),
    -- The configured frameworks narrow the level (RNCP and MA-CNC: 3 to 8); 1 to 8 is the widest.
    add constraint programme_certification_level check (certification_level between 1 and 8),
    add constraint programme_duration_weeks check (duration_weeks between 1 and 104);

alter table cohort
    add column trainers     text[] not null default '{}',
    add column funders      text[] not null default '{}',
    add column started_at   timestamptz,
    add column completed_at timestamptz,
    add constraint cohort_trainers check (cardinality(trainers) <= 10),
    add constraint cohort_funders check (cardinality(funders) <= 20),
    -- Cohorts already running before this change have no started_at: both stay optional.
    add constraint cohort_completed_after_start
        check (completed_at is null or started_at is null or completed_at >= started_at);

-- Cohorts are listed by start date within a country or site.
create index cohort_start on cohort (start_date, id);
