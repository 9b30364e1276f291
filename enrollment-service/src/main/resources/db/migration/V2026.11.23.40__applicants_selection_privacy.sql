-- Issue 4: the whole applicant, selection, the waitlist, imports and personal-data duties.

-- Intakes: the recruitment window and minimum age cohort-service sends since cohort events grew
-- them. Null only for intakes learned before that; the service then uses the country's defaults.
alter table intake
    add column recruitment_opens_on  date,
    add column recruitment_closes_on date,
    add column minimum_age           integer;

-- Applications now name an intake, which gives their site and country; the seeded site list is
-- no longer the authority.
alter table application drop constraint if exists application_site_code_fkey;
drop table site;

-- The applicant: personal data lives here and nowhere else. Columns a person may leave empty, or
-- that erasure empties, are nullable; erasure keeps only the categories the indicators need.
alter table applicant
    alter column birth_date drop not null,
    add column phone                   varchar(16),
    add column address_line            varchar(200),
    add column postal_code             varchar(16),
    add column city                    varchar(100),
    add column address_country         varchar(2),
    add column nationality             varchar(2),
    add column education_level         varchar(30),
    add column job_seeker_agency       varchar(20),
    add column job_seeker_id           varchar(30),
    add column priority_neighbourhood  boolean not null default false,
    add column refugee                 boolean not null default false,
    add column disability              boolean not null default false,
    add column neet_under_26           boolean not null default false,
    add column referral_source         varchar(30),
    add column referral_contact        varchar(200),
    add column motivation              varchar(4000),
    add column availability            varchar(500),
    add column accommodation_needs     varchar(1000),
    add column age_band                varchar(10),
    add column updated_at              timestamptz,
    add column erased_at               timestamptz;
update applicant set updated_at = created_at;
alter table applicant alter column updated_at set not null;
-- One person, one applicant: the same email (case already folded) finds the same record. Staff
-- used to create a new applicant per application; those are merged into the earliest one.
with keeper as (
    select id, first_value(id) over (partition by email order by created_at, id) as kept
    from applicant
)
update application a set applicant_id = k.kept
from keeper k where a.applicant_id = k.id and k.id <> k.kept;
delete from applicant p where exists (
    select 1 from applicant q
    where q.email = p.email and (q.created_at, q.id) < (p.created_at, p.id));
create unique index applicant_email on applicant (email) where erased_at is null;
create unique index applicant_subject_once on applicant (subject)
    where subject is not null and erased_at is null;

alter table application
    add column channel            varchar(20) not null default 'STAFF',
    add column external_ref       varchar(100),
    add column import_hash        varchar(64),
    add column test_score         integer,
    add column interview_notes    varchar(4000),
    add column decision_reason    varchar(1000),
    add column decided_by         varchar(100),
    add column decided_at         timestamptz,
    add column waitlisted_at      timestamptz,
    add column withdrawal_reason  varchar(1000),
    add column updated_at         timestamptz;
update application set updated_at = submitted_at;
alter table application alter column updated_at set not null;
alter table application rename column cohort_id to intake_id;
-- One open application per person and intake; a withdrawn one may be followed by another.
-- Repeats made before this rule (and revealed by the merge above) count as withdrawn.
update application a set status = 'WITHDRAWN', withdrawal_reason = 'duplicate'
where status <> 'WITHDRAWN' and exists (
    select 1 from application b
    where b.intake_id = a.intake_id and b.applicant_id = a.applicant_id
      and b.status <> 'WITHDRAWN' and (b.submitted_at, b.id) < (a.submitted_at, a.id));
create unique index application_once_per_intake
    on application (intake_id, applicant_id) where status <> 'WITHDRAWN';
-- A regional office's reference names one application in its country: re-sent rows find it.
create unique index application_external_ref on application (country, external_ref)
    where external_ref is not null;
create index application_intake_status on application (intake_id, status);
create index application_applicant on application (applicant_id);

-- Consent per purpose, as given or withdrawn, with the regime and the text the person saw.
create table consent (
    id            uuid primary key,
    applicant_id  uuid not null references applicant (id),
    purpose       varchar(30) not null,
    granted       boolean not null,
    regime        varchar(20) not null,
    text_version  varchar(40) not null,
    recorded_at   timestamptz not null,
    recorded_by   varchar(100) not null
);
create index consent_applicant on consent (applicant_id, purpose, recorded_at);

-- Who read or changed a sensitive field (disability, refugee status, accommodation needs).
-- Names fields, never their values.
create table sensitive_data_access (
    id            uuid primary key,
    at            timestamptz not null,
    actor         varchar(100) not null,
    actor_roles   varchar(200) not null,
    action        varchar(20) not null,
    applicant_id  uuid,
    country       varchar(2),
    fields        varchar(200) not null,
    purpose       varchar(100) not null
);
create index sensitive_data_access_at on sensitive_data_access (at);
create index sensitive_data_access_applicant on sensitive_data_access (applicant_id);

-- Runs of the retention job, for administrators to see.
create table retention_run (
    id            uuid primary key,
    country       varchar(2) not null,
    trigger       varchar(20) not null,
    cutoff        timestamptz not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    erased        integer not null default 0,
    status        varchar(20) not null,
    error         varchar(500)
);
create index retention_run_started on retention_run (started_at);

-- Bulk imports by regional offices: per row, what happened. No personal data in the report.
create table application_import (
    id            uuid primary key,
    country       varchar(2),
    submitted_by  varchar(100) not null,
    format        varchar(10) not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    total_rows    integer not null default 0,
    created       integer not null default 0,
    unchanged     integer not null default 0,
    failed        integer not null default 0,
    report        text
);
