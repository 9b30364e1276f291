-- Placements (issue 16): a learner's situation at a date after the training, from a candidacy, the
-- learner, the employer or a follow-up. Pseudonymous: the learner is their id; the evidence note
-- and the employer's name are the only free text, and erasure blanks the note.
alter table learner add column cohort_as_of timestamptz;

create table placement (
    id                   uuid primary key,
    learner_id           uuid not null references learner (learner_id),
    country              varchar(2) not null check (country in ('FR', 'MA')),
    site_code            varchar(64) not null,
    status               varchar(20) not null check (status in ('TO_CONFIRM', 'RECORDED')),
    situation            varchar(20) not null,
    situation_on         date not null,
    start_date           date not null,
    employer_partner_id  uuid,
    employer_name        varchar(200),
    contract_type        varchar(30),
    duration_months      integer check (duration_months between 1 and 120),
    working_time         varchar(20),
    salary_band          varchar(40),
    matches_training     boolean,
    durable_employment   boolean not null,
    source               varchar(20) not null,
    evidence_kind        varchar(40),
    evidence_note        varchar(500),
    candidacy_id         uuid unique,
    follow_up_id         uuid,
    recorded_by          varchar(255) not null,
    recorded_at          timestamptz not null,
    version              bigint not null default 0
);
create index placement_learner on placement (learner_id, situation_on desc);
create index placement_scope on placement (country, site_code, situation_on desc);
-- one placement to confirm per exit for a job, however often the withdrawal is replayed
create unique index placement_to_confirm on placement (learner_id) where status = 'TO_CONFIRM';
