-- Issue 5: a jury's result for each learner of a cohort, and the certificate it issues.
-- One result per learner and cohort: recording it completes the learner's training.
create table certification_result (
    id             uuid primary key,
    cohort_id      uuid not null references cohort (id),
    learner_id     uuid not null,
    outcome        varchar(24) not null
        check (outcome in ('CERTIFIED', 'PARTIALLY_CERTIFIED', 'NOT_CERTIFIED')),
    certified_on   date not null,
    jury_reference varchar(100) not null,
    recorded_at    timestamptz not null,
    recorded_by    varchar(255) not null,
    version        bigint not null default 0,
    unique (cohort_id, learner_id)
);
create index certification_result_learner on certification_result (learner_id);

-- A certificate snapshots what it certifies, so that later changes to the programme never change
-- an issued one. Employers find it by its public id: 192 random bits, never the row id.
create table certificate (
    id                      uuid primary key,
    public_id               varchar(64) not null unique,
    result_id               uuid not null unique references certification_result (id),
    cohort_id               uuid not null references cohort (id),
    learner_id              uuid not null,
    outcome                 varchar(24) not null
        check (outcome in ('CERTIFIED', 'PARTIALLY_CERTIFIED')),
    programme_code          varchar(64) not null,
    programme_title_fr      varchar(200) not null,
    programme_title_en      varchar(200) not null,
    programme_title_ar      varchar(200) not null,
    certification_framework varchar(20) not null,
    certification_code      varchar(40),
    certification_level     integer not null,
    certified_on            date not null,
    issued_at               timestamptz not null,
    status                  varchar(10) not null check (status in ('VALID', 'REVOKED')),
    revoked_at              timestamptz,
    -- The day of the revocation at the cohort's site, as the public verification shows it.
    revoked_on              date,
    version                 bigint not null default 0,
    check ((status = 'REVOKED') = (revoked_at is not null and revoked_on is not null))
);
create index certificate_cohort on certificate (cohort_id);
create index certificate_learner on certificate (learner_id);

-- The competency blocks a certificate certifies (all of them for a full certification), with
-- their titles as they were when it was issued.
create table certificate_block (
    certificate_id uuid not null references certificate (id),
    position       integer not null check (position >= 0),
    code           varchar(40) not null,
    title_fr       varchar(300) not null,
    title_en       varchar(300) not null,
    title_ar       varchar(300) not null,
    primary key (certificate_id, position)
);

-- Who issued or revoked a certificate, and when. The note (a revocation's reason) is staff's free
-- text about a person: erased with them.
create table certificate_audit (
    id             uuid primary key,
    seq            bigint generated always as identity unique,
    certificate_id uuid not null references certificate (id),
    action         varchar(10) not null check (action in ('ISSUED', 'REVOKED')),
    actor          varchar(255) not null,
    acted_at       timestamptz not null,
    note           varchar(500)
);
create index certificate_audit_certificate on certificate_audit (certificate_id, seq);
