-- Issue 5: a learner's way through a cohort. Active from the start, completed with a
-- certification result, withdrawn with a coded exit reason (and staff's comment, erased with the
-- person), or transferred by staff to another cohort of the same programme.
alter table cohort_learner
    drop constraint cohort_learner_status_check,
    add constraint cohort_learner_status_check
        check (status in ('ENROLLED', 'ACTIVE', 'COMPLETED', 'WITHDRAWN', 'TRANSFERRED')),
    add column activated_at    timestamptz,
    add column completed_at    timestamptz,
    add column exit_reason     varchar(20)
        check (exit_reason in ('FOUND_JOB', 'HEALTH', 'FAMILY', 'FINANCIAL', 'RELOCATION',
                               'LOST_INTEREST', 'EXCLUDED', 'OTHER')),
    add column exit_comment    varchar(1000),
    add column transferred_to  uuid references cohort (id),
    add column transferred_at  timestamptz,
    add constraint cohort_learner_completed
        check ((status = 'COMPLETED') = (completed_at is not null)),
    add constraint cohort_learner_transferred
        check ((status = 'TRANSFERRED') = (transferred_to is not null and transferred_at is not null)),
    -- A withdrawal of the application (from enrollment-service) gives no reason; staff's does.
    add constraint cohort_learner_exit_reason
        check (exit_reason is null or status = 'WITHDRAWN');
create index cohort_learner_learner on cohort_learner (learner_id);
