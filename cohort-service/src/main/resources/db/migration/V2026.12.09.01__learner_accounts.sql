-- Issue 20 (ADR 0039): learners read their own enrolments, attendance and certificates. Like
-- partnership-service and placement-service (ADR 0023), cohort-service keeps which learnerId each
-- account leads to, from enrollment-service's learner-account-linked; erasure forgets the link.
create table learner_account (
    account_subject  varchar(255) primary key,
    learner_id       uuid not null,
    country          varchar(2) not null,
    linked_at        timestamptz not null
);
create index learner_account_learner on learner_account (learner_id);
