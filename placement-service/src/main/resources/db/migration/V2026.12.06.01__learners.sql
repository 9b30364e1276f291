-- Learners as placement-service learns them from enrollment's and cohort's events (issue 16):
-- pseudonymous ids and categories only.
create table learner (
    learner_id          uuid primary key,
    country             varchar(2) not null check (country in ('FR', 'MA')),
    site_code           varchar(64),
    cohort_id           uuid,
    programme_code      varchar(64),
    account_subject     varchar(255),
    follow_up_consent   boolean not null default false,
    cv_sharing_consent  boolean not null default false,
    consents_as_of      timestamptz,
    enrolled_at         timestamptz,
    exit_date           date,
    exit_kind           varchar(20) check (exit_kind in ('COMPLETED', 'WITHDREW')),
    exit_reason         varchar(40),
    certification       varchar(40),
    erased_at           timestamptz,
    version             bigint not null default 0
);
create unique index learner_account on learner (account_subject) where account_subject is not null;
create index learner_scope on learner (country, site_code);
