-- The facts the impact indicators count (issue 17), projected from the other services' events:
-- categories only, never a name or a free text.

-- A learner's declared categories, from the newest application-enrolled (null: not heard yet;
-- priority_publics empty: none declared).
alter table learner
    add column gender                   varchar(20),
    add column age_band                 varchar(20),
    add column education_level          varchar(30),
    add column job_seeker               boolean,
    add column priority_publics         text[],
    add column categories_as_of         timestamptz,
    -- they left their latest cohort before it started (learner-withdrew with beforeStart)
    add column withdrew_before_start_at timestamptz,
    -- their latest seat came from a transfer
    add column transferred_in           boolean not null default false,
    -- codes of the competency blocks obtained at the completion
    add column certification_blocks     text[],
    -- session days recorded for them in the cohort they left, and the days they came
    add column session_days             integer check (session_days >= 0),
    add column attended_days            integer check (attended_days >= 0);

-- Cohorts as cohort-service announced them: where, which programme, when, who funds them. The
-- newest cohort version wins (cohort-scheduled is version 0).
create table known_cohort (
    cohort_id           uuid primary key,
    country             varchar(2) not null check (country in ('FR', 'MA')),
    site_code           varchar(64) not null,
    programme_code      varchar(64) not null,
    start_date          date,
    end_date            date,
    status              varchar(20) not null,
    funder_partner_ids  uuid[] not null default '{}',
    version             bigint not null,
    learned_at          timestamptz not null
);
create index known_cohort_country on known_cohort (country);

-- Applications as enrollment-service announced them, for the funnel: counted, with no person.
create table known_application (
    application_id  uuid primary key,
    cohort_id       uuid not null,
    country         varchar(2) not null check (country in ('FR', 'MA')),
    site_code       varchar(64) not null,
    submitted_on    date,
    accepted_on     date
);
create index known_application_country on known_application (country);
