-- Issue 4: the seats of a cohort, one row per learner (pseudonymous id from enrollment-service).
-- Attendance and certification (issue 5) hang off this row.
create table cohort_learner (
    id             uuid primary key,
    cohort_id      uuid not null references cohort (id),
    learner_id     uuid not null,
    application_id uuid not null,
    status         varchar(20) not null
        check (status in ('ENROLLED', 'ACTIVE', 'COMPLETED', 'WITHDRAWN')),
    enrolled_at    timestamptz not null,
    withdrawn_at   timestamptz,
    version        bigint not null default 0,
    unique (cohort_id, learner_id),
    check ((status = 'WITHDRAWN') = (withdrawn_at is not null))
);
-- Seats taken are counted per cohort and status while the cohort row is locked.
create index cohort_learner_cohort_status on cohort_learner (cohort_id, status);
create index cohort_learner_application on cohort_learner (application_id);
