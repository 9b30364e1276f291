-- Issue 5: attendance per session day, one row per learner (their seat's row) and day. Staff
-- submit a whole day for a cohort at once; a correction replaces it. The comment is staff's free
-- text about a person: kept here only, never in events, blanked when the person is erased.
create table attendance (
    id                uuid primary key,
    cohort_learner_id uuid not null references cohort_learner (id),
    session_date      date not null,
    status            varchar(20) not null
        check (status in ('PRESENT', 'LATE', 'EXCUSED_ABSENCE', 'UNEXCUSED_ABSENCE')),
    comment           varchar(500),
    -- the staff account's token subject
    recorded_by       varchar(255) not null,
    recorded_at       timestamptz not null,
    unique (cohort_learner_id, session_date)
);
create index attendance_session_date on attendance (session_date);

-- The early warnings raised: one per run of consecutive unexcused absences, remembered by the
-- run's first day so that re-sending or correcting a day does not raise it twice.
create table attendance_alert (
    id                uuid primary key,
    cohort_learner_id uuid not null references cohort_learner (id),
    run_started_on    date not null,
    last_absence_on   date not null,
    run_length        integer not null check (run_length > 0),
    raised_at         timestamptz not null,
    unique (cohort_learner_id, run_started_on),
    check (last_absence_on >= run_started_on)
);
